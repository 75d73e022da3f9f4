import { describe, expect, it } from 'vitest';
import { accentOf, gradientOf } from './gradientOf';
import { tailwindColor } from './tailwindColor';

describe('gradientOf', () => {
  it('turns the seed Tailwind gradient into a three-stop linear-gradient', () => {
    expect(gradientOf('from-purple-500 via-purple-600 to-indigo-600')).toBe(
      'linear-gradient(to right, #a855f7, #9333ea, #4f46e5)',
    );
  });

  it('honours a bg-gradient-to direction class', () => {
    expect(gradientOf('bg-gradient-to-br from-emerald-500 to-teal-600')).toBe(
      'linear-gradient(to bottom right, #10b981, #0d9488)',
    );
  });

  it('makes a flat gradient from a lone from- class', () => {
    expect(gradientOf('from-sky-500')).toBe('linear-gradient(to right, #0ea5e9, #0ea5e9)');
  });

  it('passes plain CSS colours through unchanged', () => {
    expect(gradientOf('#ff6600')).toBe('#ff6600');
    expect(gradientOf('rebeccapurple')).toBe('rebeccapurple');
    expect(gradientOf('linear-gradient(red, blue)')).toBe('linear-gradient(red, blue)');
  });

  it('falls back to the accent variable for unknown Tailwind colours or an empty colour', () => {
    expect(gradientOf('from-brand-500 to-brand-600')).toBe('var(--flowloom-node-accent)');
    expect(gradientOf('')).toBe('var(--flowloom-node-accent)');
    expect(gradientOf(undefined)).toBe('var(--flowloom-node-accent)');
  });
});

describe('accentOf', () => {
  it('gives the first stop of a Tailwind gradient and a CSS colour as is', () => {
    expect(accentOf('from-amber-500 to-orange-600')).toBe('#f59e0b');
    expect(accentOf('teal')).toBe('teal');
  });
});

describe('tailwindColor', () => {
  it('resolves shades, keywords and opacity suffixes', () => {
    expect(tailwindColor('slate-50')).toBe('#f8fafc');
    expect(tailwindColor('rose-950')).toBe('#4c0519');
    expect(tailwindColor('white')).toBe('#ffffff');
    expect(tailwindColor('blue-500/50')).toBe('rgb(59 130 246 / 50%)');
  });

  it('rejects unknown names and shades', () => {
    expect(tailwindColor('blue-550')).toBeUndefined();
    expect(tailwindColor('brand-500')).toBeUndefined();
    expect(tailwindColor('blue-500/abc')).toBeUndefined();
  });
});
