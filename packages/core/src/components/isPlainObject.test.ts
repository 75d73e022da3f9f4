import { describe, expect, it } from 'vitest';
import { isPlainObject } from './isPlainObject';

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it('rejects null, primitives, arrays and class instances', () => {
    for (const value of [null, undefined, 1, 'a', true, [], new Date(), new Map()]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });
});
