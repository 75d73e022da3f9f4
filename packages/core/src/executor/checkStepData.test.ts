import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits/workflowLimits';
import { checkStepData, flatJsonBytes } from './checkStepData';

const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('flatJsonBytes', () => {
  it('measures a flat object exactly as JSON.stringify writes it', () => {
    const member = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member), (value) => {
        const bytes = flatJsonBytes(value);
        if (bytes !== undefined) expect(bytes).toBe(utf8Bytes(value));
      }),
      { numRuns: 500 },
    );
  });

  it('measures the usual outputs, leaving nested and escaped ones to the full walk', () => {
    expect(flatJsonBytes({ ok: true, n: 3, name: 'x' })).toBe(
      utf8Bytes({ ok: true, n: 3, name: 'x' }),
    );
    expect(flatJsonBytes({ nested: {} })).toBeUndefined();
    expect(flatJsonBytes({ quote: '"' })).toBeUndefined();
    expect(flatJsonBytes({ toJSON: () => 1 })).toBeUndefined();
    expect(flatJsonBytes([1])).toBeUndefined();
  });
});

describe('checkStepData', () => {
  it('says an output JSON cannot write is the mistake it is, not a size', () => {
    expect(checkStepData({ n: 10n }, undefined, DEFAULT_LIMITS)).toEqual({
      ok: false,
      failure: {
        code: 'INVALID_RESULT',
        message: "The step's output can't be written as JSON: a BigInt at n",
      },
    });
    expect(checkStepData({ ok: true }, { v: [10n] }, DEFAULT_LIMITS)).toEqual({
      ok: false,
      failure: {
        code: 'INVALID_RESULT',
        message: "The step's variables can't be written as JSON: a BigInt at v.0",
      },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkStepData({ wrap: cyclic }, undefined, DEFAULT_LIMITS)).toEqual({
      ok: false,
      failure: {
        code: 'INVALID_RESULT',
        message:
          "The step's output can't be written as JSON: a value that contains itself at wrap.self",
      },
    });
    expect(checkStepData({ p: 1n }, undefined, DEFAULT_LIMITS, 'parameters')).toMatchObject({
      failure: { code: 'INVALID_PARAMETERS' },
    });
  });

  it('refuses a flat output over the size limit', () => {
    const limits = { ...DEFAULT_LIMITS, maxStepOutputBytes: 10 };
    expect(checkStepData({ text: 'a long enough text' }, undefined, limits)).toMatchObject({
      ok: false,
      failure: { code: 'OUTPUT_TOO_LARGE' },
    });
  });

  it('measures a flat output as the full walk does', () => {
    expect(checkStepData({ ok: true }, undefined, DEFAULT_LIMITS)).toEqual({ ok: true, bytes: 11 });
  });
});
