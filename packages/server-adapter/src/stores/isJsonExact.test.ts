import { describe, expect, it } from 'vitest';
import { isJsonExact } from './isJsonExact';

describe('isJsonExact', () => {
  it('answers true for what JSON reads back as it was', () => {
    const value = { a: [1, 'two', true, null, { b: -1.5 }], c: {}, d: [], __proto__x: 0 };
    expect(isJsonExact(value)).toBe(true);
    expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
    expect(isJsonExact(JSON.parse('{"__proto__":{"x":1}}'))).toBe(true);
  });

  it('answers false for what JSON would change', () => {
    for (const odd of [
      { a: undefined },
      [undefined],
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: -0 },
      { nested: [{ deep: Number.NEGATIVE_INFINITY }] },
      Object.assign(Object.create(null), { a: 1 }),
      { when: new Date(0) },
      { big: 1n },
    ]) {
      expect(isJsonExact(odd)).toBe(false);
    }
  });

  it('walks any depth without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(isJsonExact(deep)).toBe(true);
  });
});
