import { describe, expect, it } from 'vitest';
import { THEMES } from '../styles/themeVariables.test-helpers';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { contrastRatio, parseHex } from './contrastRatio';
import { DARK_TITLE, headerColorsOf, LIGHT_TITLE, MIN_TEXT_CONTRAST } from './headerColorsOf';

function worstContrast(color: string | undefined): number {
  const { stops, title } = headerColorsOf(color);
  return Math.min(...stops.map((stop) => contrastRatio(parseHex(stop)!, parseHex(title)!)));
}

describe('headerColorsOf', () => {
  it.each(builtinComponentMetadata.map((component) => [component.name, component.color]))(
    'gives %s a title that reads at 4.5:1 or more on every stop of its header',
    (_name, color) => {
      expect(headerColorsOf(color).stops.length).toBeGreaterThan(0);
      expect(worstContrast(color)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    },
  );

  it('writes a dark title on a light gradient it leaves as it is (Condition: white was 2.15:1)', () => {
    const colors = headerColorsOf('from-amber-500 to-orange-600');
    expect(colors.title).toBe(DARK_TITLE);
    expect(colors.color).toBe('var(--flowloom-node-header-text-dark)');
    expect(colors.background).toBe('linear-gradient(to right, #f59e0b, #ea580c)');
  });

  it('darkens only the stop a white title would not read on', () => {
    // violet-500 gives white 4.23:1, purple-600 5.38:1; a dark title reads worse on both.
    const colors = headerColorsOf('from-violet-500 to-purple-600');
    expect(colors.title).toBe(LIGHT_TITLE);
    expect(colors.stops[0]).not.toBe('#8b5cf6');
    expect(colors.stops[1]).toBe('#9333ea');
    expect(worstContrast('from-violet-500 to-purple-600')).toBeGreaterThanOrEqual(
      MIN_TEXT_CONTRAST,
    );
  });

  it('keeps the direction of a bg-gradient-to class and reads a plain hex colour', () => {
    expect(headerColorsOf('bg-gradient-to-br from-slate-700 to-gray-800').background).toBe(
      'linear-gradient(to bottom right, #334155, #1f2937)',
    );
    expect(headerColorsOf('#fde047')).toMatchObject({ title: DARK_TITLE, stops: ['#fde047'] });
  });

  it('leaves a colour it cannot read, and no colour, to the theme', () => {
    expect(headerColorsOf('rebeccapurple')).toMatchObject({
      background: 'rebeccapurple',
      color: 'var(--flowloom-node-header-text)',
      stops: [],
    });
    expect(headerColorsOf(undefined).background).toBe('var(--flowloom-node-accent)');
    expect(headerColorsOf('from-brand-500 to-brand-600').stops).toEqual([]);
  });

  it('computes with the title colours the styles give by default', () => {
    expect(THEMES.light['--flowloom-node-header-text']).toBe(LIGHT_TITLE);
    expect(THEMES.light['--flowloom-node-header-text-dark']).toBe(DARK_TITLE);
  });
});
