import { describe, expect, it } from 'vitest';
import { checkGlobals, serializeGlobals } from './serializeGlobals';

const globals = (steps: unknown, input: unknown = null) => ({ input, steps, vars: {} });

describe('checkGlobals', () => {
  it('passes data within the limit', () => {
    expect(checkGlobals(globals({ a: { n: 1 } }), 100)).toBeUndefined();
  });

  it('refuses data past the limit with INPUT_TOO_LARGE, naming the largest step', () => {
    const data = globals({ small: 'x', big: 'y'.repeat(3000) }, 'z'.repeat(500));
    expect(checkGlobals(data, 2048)).toEqual({
      code: 'INPUT_TOO_LARGE',
      message: expect.stringMatching(/larger than the 2 KiB .* steps\.big \(2\.9 KiB\)/),
    });
  });

  it('refuses a cycle as not JSON with CODE_ERROR, not as too large', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkGlobals(globals({ a: cyclic }), 1_000_000)).toMatchObject({
      code: 'CODE_ERROR',
      message: expect.stringMatching(/not JSON/),
    });
  });

  it('refuses data whose toJSON throws with CODE_ERROR', () => {
    const hostile = {
      toJSON() {
        throw new Error('no reading me');
      },
    };
    expect(checkGlobals(globals({ a: hostile }), 1000)).toEqual({
      code: 'CODE_ERROR',
      message: 'The data handed to the code is not JSON: no reading me',
    });
  });
});

describe('serializeGlobals', () => {
  it('returns the JSON text of data within the limit', () => {
    expect(serializeGlobals(globals({ a: 1 }), 100)).toEqual({
      json: '{"input":null,"steps":{"a":1},"vars":{}}',
    });
  });

  it('refuses data that grew past the limit after it was checked', () => {
    const steps: Record<string, unknown> = { a: 1 };
    const data = globals(steps);
    expect(checkGlobals(data, 100)).toBeUndefined();
    steps.b = 'x'.repeat(200);
    expect(serializeGlobals(data, 100)).toMatchObject({
      failure: { code: 'INPUT_TOO_LARGE', message: expect.stringMatching(/steps\.b/) },
    });
  });
});
