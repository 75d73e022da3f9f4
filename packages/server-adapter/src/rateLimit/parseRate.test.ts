import { FlowloomError } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { parseRate } from './parseRate';

describe('parseRate', () => {
  it.each([
    ['10/minute', 10, 60_000],
    ['100/second', 100, 1_000],
    ['1/hour', 1, 3_600_000],
    ['7/day', 7, 86_400_000],
    ['5/30s', 5, 30_000],
    ['5/15 minutes', 5, 900_000],
    ['3/2hours', 3, 7_200_000],
    ['2/m', 2, 60_000],
    ['2/h', 2, 3_600_000],
    ['2/d', 2, 86_400_000],
    ['4/sec', 4, 1_000],
    ['4/10secs', 4, 10_000],
    ['4/mins', 4, 60_000],
    ['10/minutes', 10, 60_000],
    [' 10 / Minute ', 10, 60_000],
    ['10/MINUTE', 10, 60_000],
  ])('reads %j as %i per %i ms', (spec, points, durationMs) => {
    expect(parseRate(spec)).toEqual({ points, durationMs });
  });

  it('accepts a { points, durationMs } object as it is', () => {
    expect(parseRate({ points: 3, durationMs: 250 })).toEqual({ points: 3, durationMs: 250 });
  });

  it.each([
    '',
    '10',
    '10/',
    '/minute',
    'ten/minute',
    '0/minute',
    '-1/minute',
    '1.5/minute',
    '10/0s',
    '10/fortnight',
    '10/ms',
    '10/hs',
    '10/minute/extra',
    '10 per minute',
    '99999999999999999999/minute',
  ])('refuses %j with VALIDATION_FAILED naming the spec', (spec) => {
    let thrown: unknown;
    try {
      parseRate(spec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowloomError);
    expect((thrown as FlowloomError).code).toBe('VALIDATION_FAILED');
    expect((thrown as FlowloomError).message).toContain(`Invalid rate "${spec}"`);
  });

  it.each([
    { points: 0, durationMs: 1000 },
    { points: -1, durationMs: 1000 },
    { points: 1.5, durationMs: 1000 },
    { points: Number.POSITIVE_INFINITY, durationMs: 1000 },
    { points: 1, durationMs: 0 },
    { points: 1, durationMs: -5 },
    { points: 1, durationMs: Number.NaN },
    { points: 1, durationMs: Number.POSITIVE_INFINITY },
  ])('refuses the object %j', (spec) => {
    expect(() => parseRate(spec)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as unknown as Error,
    );
  });

  it('refuses null and other non-specs', () => {
    expect(() => parseRate(null as unknown as string)).toThrow(/Invalid rate "null"/);
    expect(() => parseRate(10 as unknown as string)).toThrow(/Invalid rate "10"/);
  });
});
