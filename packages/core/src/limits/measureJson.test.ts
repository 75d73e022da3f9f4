import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonDepthProblem, findJsonWriteProblem, measureJsonBytes } from './measureJson';

/** `{"a":{"a":...}}` nested `levels` deep, built without recursion. */
function chain(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
}

/** The recursive definition findJsonDepthProblem must agree with, on shallow values. */
function referenceProblem(
  value: unknown,
  maxDepth: number,
  level = 1,
  path: string[] = [],
): { path: string; depth: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (level > maxDepth) return { path: path.join('.'), depth: level };
  for (const key of Object.keys(value)) {
    const found = referenceProblem((value as Record<string, unknown>)[key], maxDepth, level + 1, [
      ...path,
      key,
    ]);
    if (found) return found;
  }
  return undefined;
}

/** What measureJsonBytes must return when the limit is generous. */
function stringifiedBytes(value: unknown): number | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return undefined;
  }
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

const anyValue = fc.anything({
  values: [
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(Symbol.for('flowloom')),
    fc.constant(() => 1),
    fc.date(),
    fc.bigInt(),
  ],
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

describe('findJsonDepthProblem', () => {
  it('accepts a value exactly as deep as the limit', () => {
    expect(findJsonDepthProblem({ a: [{}] }, 3)).toBeUndefined();
  });

  it('names the first container past the limit', () => {
    expect(findJsonDepthProblem({ a: {} }, 1)).toEqual({ path: 'a', depth: 2 });
    expect(findJsonDepthProblem({ nodes: [{ data: {} }] }, 3)).toEqual({
      path: 'nodes.0.data',
      depth: 4,
    });
  });

  it('reports the first problem in document order', () => {
    const value = { x: 1, a: [1, { b: {} }], c: { d: { e: {} } } };
    expect(findJsonDepthProblem(value, 2)?.path).toBe('a.1');
  });

  it('ignores primitives at any level', () => {
    expect(findJsonDepthProblem('text', 1)).toBeUndefined();
    expect(findJsonDepthProblem({ a: 'x', b: null, c: 3 }, 1)).toBeUndefined();
  });

  it('answers a value nested 100,000 levels deep without overflowing the stack', () => {
    expect(findJsonDepthProblem(chain(100_000), 64)).toEqual({
      path: Array(64).fill('a').join('.'),
      depth: 65,
    });
  });

  it('reports a cyclic value where it passes the limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(findJsonDepthProblem(cyclic, 3)).toEqual({ path: 'self.self.self', depth: 4 });
  });

  it('answers 60 levels of shared references (2^60 paths) by walking each value once', () => {
    let value: Record<string, unknown> = {};
    for (let level = 0; level < 60; level += 1) value = { left: value, right: value };
    expect(findJsonDepthProblem(value, 100)).toBeUndefined();
    expect(findJsonDepthProblem(value, 30)?.path).toBe(Array(30).fill('left').join('.'));
  });

  it('reads values as JSON.stringify does: toJSON and boxed strings are not containers', () => {
    expect(findJsonDepthProblem({ when: new Date(0), name: new String('ab') }, 1)).toBeUndefined();
  });

  it('agrees with the recursive definition on generated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 6 }), (value, max) => {
        expect(findJsonDepthProblem(value, max)).toEqual(referenceProblem(value, max));
      }),
      { numRuns: 300 },
    );
  });
});

describe('measureJsonBytes', () => {
  it('counts the UTF-8 bytes of the JSON text', () => {
    expect(measureJsonBytes({ a: 'é', b: [1, null, true] }, 1_000)).toBe(
      Buffer.byteLength(JSON.stringify({ a: 'é', b: [1, null, true] })),
    );
  });

  it('returns undefined past the limit and the size at the limit', () => {
    const size = Buffer.byteLength(JSON.stringify({ a: 'é' }));
    expect(measureJsonBytes({ a: 'é' }, size)).toBe(size);
    expect(measureJsonBytes({ a: 'é' }, size - 1)).toBeUndefined();
  });

  it('drops undefined, functions and symbols in objects and writes null for them in arrays', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1] };
    expect(measureJsonBytes(value, 1_000)).toBe(JSON.stringify(value).length);
  });

  it('measures a top-level value that JSON.stringify drops as 0', () => {
    expect(measureJsonBytes(undefined, 10)).toBe(0);
    expect(measureJsonBytes(() => 1, 10)).toBe(0);
  });

  it('counts a cycle as over the limit', () => {
    const cyclic: Record<string, unknown> = { a: [1] };
    (cyclic.a as unknown[]).push(cyclic);
    expect(measureJsonBytes(cyclic, 1_000_000)).toBeUndefined();
  });

  it('counts a BigInt as over the limit, as JSON.stringify throws on it', () => {
    expect(measureJsonBytes({ a: 1n }, 1_000)).toBeUndefined();
  });

  it('counts a value reached twice through shared references twice', () => {
    const shared = { x: 1 };
    expect(measureJsonBytes({ a: shared, b: shared }, 1_000)).toBe(
      JSON.stringify({ a: shared, b: shared }).length,
    );
  });

  it('measures arrays nested 100,000 levels deep without overflowing the stack', () => {
    let value: unknown[] = [];
    for (let level = 1; level < 100_000; level += 1) value = [value];
    expect(measureJsonBytes(value, 1_000_000)).toBe(200_000);
  });

  it('stops reading once the limit is passed', () => {
    const value = {
      big: 'x'.repeat(100),
      get later(): never {
        throw new Error('read past the limit');
      },
    };
    expect(measureJsonBytes(value, 50)).toBeUndefined();
  });

  it('agrees with JSON.stringify on generated JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const size = stringifiedBytes(value)!;
        expect(measureJsonBytes(value, size)).toBe(size);
        if (size > 0) expect(measureJsonBytes(value, size - 1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.stringify on generated values of every kind', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const size = stringifiedBytes(value);
        if (size === undefined) {
          expect(measureJsonBytes(value, Number.MAX_SAFE_INTEGER)).toBeUndefined();
          return;
        }
        expect(measureJsonBytes(value, size)).toBe(size);
        if (size > 0) expect(measureJsonBytes(value, size - 1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('findJsonWriteProblem', () => {
  it('finds a BigInt, at the top or inside, where JSON.stringify would throw on it', () => {
    expect(findJsonWriteProblem(1n)).toEqual({ path: '', reason: 'bigint' });
    expect(findJsonWriteProblem({ a: [1, 2n] })).toEqual({ path: 'a.1', reason: 'bigint' });
    expect(() => JSON.stringify({ a: [1, 2n] })).toThrow();
  });

  it('finds a value that contains itself, where it comes round again', () => {
    const cyclic: Record<string, unknown> = { list: [] };
    (cyclic.list as unknown[]).push({ back: cyclic });
    expect(findJsonWriteProblem(cyclic)).toEqual({ path: 'list.0.back', reason: 'cycle' });
  });

  it('answers nothing for what JSON.stringify writes, shared references included', () => {
    const shared = { x: 1 };
    expect(findJsonWriteProblem({ a: shared, b: [shared, shared], n: null, s: 'é' })).toBe(
      undefined,
    );
    expect(findJsonWriteProblem({ big: { toJSON: () => '1' } })).toBeUndefined();
  });

  it('answers 60 levels of shared references and 100,000 of nesting without blowing up', () => {
    let value: Record<string, unknown> = {};
    for (let level = 0; level < 60; level += 1) value = { left: value, right: value };
    expect(findJsonWriteProblem(value)).toBeUndefined();
    const deep = chain(100_000);
    expect(findJsonWriteProblem(deep)).toBeUndefined();
  });
});
