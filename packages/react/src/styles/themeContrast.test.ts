import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../editor/contrastRatio';
import { MIN_TEXT_CONTRAST } from '../editor/headerColorsOf';
import { colorOf, THEMES } from './themeVariables.test-helpers';

/** Where text of one colour sits on another, as the styles use them. */
const TEXT_ON: ReadonlyArray<[text: string, background: string, where: string]> = [
  ...['bg', 'surface', 'surface-muted', 'surface-hover', 'canvas-bg'].map(
    (background) => ['text', background, 'body text'] as [string, string, string],
  ),
  ...['bg', 'surface', 'surface-muted', 'canvas-bg', 'node-bg'].map(
    (background) => ['text-muted', background, 'muted text'] as [string, string, string],
  ),
  ['node-text', 'node-bg', 'a node’s body'],
  ['primary', 'surface', 'link buttons, a step named in an event'],
  ['primary-text', 'primary', 'primary buttons'],
  ['danger', 'surface', 'errors and danger buttons'],
  ['danger', 'danger-bg', 'error messages'],
  ['success', 'success-bg', 'success messages'],
  ['warning', 'surface', '“Unsaved changes”, cancelled and retrying events'],
  ['warning', 'warning-bg', 'warning messages'],
  ['info', 'info-bg', 'info messages'],
  ['text-inverse', 'danger', 'a node’s error mark'],
  ['text-inverse', 'warning', 'a node’s warning mark'],
  ['node-header-text', 'node-accent', 'the title of a node without a colour'],
  ...[
    'pending',
    'running',
    'completed',
    'failed',
    'skipped',
    'cancelled',
    'interrupted',
    'waiting',
    'queued',
  ].map(
    (status) =>
      ['text-inverse', `status-${status}`, `the ${status} badge`] as [string, string, string],
  ),
  ...['running', 'completed', 'failed', 'skipped', 'interrupted', 'waiting'].map(
    (status) =>
      [`status-${status}`, 'surface', `${status} event types`] as [string, string, string],
  ),
  ...['debug', 'info', 'warning', 'error'].map(
    (level) => [`log-${level}`, 'surface', `${level} log levels`] as [string, string, string],
  ),
  ...['key', 'string', 'number', 'literal'].map(
    (part) => [`json-${part}`, 'surface-muted', `JSON ${part}s`] as [string, string, string],
  ),
];

describe.each(Object.entries(THEMES))('the %s theme', (_name, theme) => {
  it.each(TEXT_ON)(
    'puts --flowloom-%s on --flowloom-%s at 4.5:1 or more (%s)',
    (text, background) => {
      const under = colorOf(theme, `--flowloom-${background}`);
      const ratio = contrastRatio(colorOf(theme, `--flowloom-${text}`, under), under);
      expect(ratio).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    },
  );

  it('keeps muted text readable on a selected row of the run history', () => {
    const surface = colorOf(theme, '--flowloom-surface');
    const row = colorOf(theme, '--flowloom-selection-bg', surface);
    const ratio = contrastRatio(colorOf(theme, '--flowloom-text-muted'), row);
    expect(ratio).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});

describe('the system theme', () => {
  it('follows the dark set exactly when the system prefers dark', () => {
    const changed = Object.keys(THEMES.dark).filter(
      (name) => THEMES.systemDark[name] !== THEMES.dark[name],
    );
    expect(changed).toEqual([]);
  });
});
