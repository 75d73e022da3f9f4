import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { de } from './de';

/** Every path to a message in a catalogue, with the kind of its value. */
function shapeOf(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}:${typeof value}`];
  return Object.entries(value).flatMap(([key, child]) => shapeOf(child, `${path}.${key}`));
}

/** Every string message, and what each function message says for sample arguments. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const message = value as (...args: unknown[]) => unknown;
    // Counts and names for most messages; a list for those that join one.
    try {
      return [String(message(1, 2, 'x', 'y'))];
    } catch {
      return [String(message(['x', 'y'], 2, 'x'))];
    }
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textsOf);
}

describe('the German catalogue', () => {
  it('has every message of the English one, of the same kind', () => {
    expect(shapeOf(de)).toEqual(shapeOf(en));
  });

  it('says something for every message', () => {
    expect(textsOf(de).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('writes its counts and its locale as German does', () => {
    expect(de.locale).toBe('de');
    expect(de.toolbar.problems(1, 2)).toBe('1 Fehler · 2 Warnungen');
    expect(de.history.count(1200, 3400)).toBe('1.200 von 3.400');
  });
});
