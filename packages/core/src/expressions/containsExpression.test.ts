import { describe, expect, it } from 'vitest';
import { containsExpression } from './containsExpression';

describe('containsExpression', () => {
  it('finds {{ in a string', () => {
    expect(containsExpression('a {{ input.x }}')).toBe(true);
  });

  it('finds an unclosed {{ too (so validation reports it)', () => {
    expect(containsExpression('a {{ input.x')).toBe(true);
  });

  it('ignores strings without {{', () => {
    expect(containsExpression('a { b } }}')).toBe(false);
  });

  it('finds expressions nested in arrays and objects', () => {
    expect(containsExpression({ a: [1, { b: '{{ vars.x }}' }] })).toBe(true);
    expect(containsExpression([['{{ input }}']])).toBe(true);
  });

  it('ignores non-string values', () => {
    for (const value of [null, undefined, 1, true, { a: 1 }, [1, 'x']]) {
      expect(containsExpression(value)).toBe(false);
    }
  });
});
