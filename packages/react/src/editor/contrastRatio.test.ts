import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, toHex } from './contrastRatio';

describe('contrastRatio', () => {
  it('gives 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([100, 100, 100], [100, 100, 100])).toBe(1);
  });

  it('gives WCAG’s figure for a known pair, whichever comes first', () => {
    // Tailwind amber-500 under white text: the 2.15:1 the issue measured.
    expect(contrastRatio(parseHex('#f59e0b')!, [255, 255, 255])).toBeCloseTo(2.15, 2);
    expect(contrastRatio([255, 255, 255], parseHex('#f59e0b')!)).toBeCloseTo(2.15, 2);
  });
});

describe('parseHex', () => {
  it('reads #rgb and #rrggbb, and writes them back as #rrggbb', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(toHex(parseHex('#0F172A')!)).toBe('#0f172a');
  });

  it('refuses anything else', () => {
    for (const bad of ['red', '#12', '#1234567', 'rgb(0 0 0)', '', '#ggg']) {
      expect(parseHex(bad)).toBeUndefined();
    }
  });
});
