import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it('shows milliseconds under a second', () => {
    expect(formatDuration(350)).toBe('350 ms');
  });

  it('shows seconds with one decimal under a minute, rounding down', () => {
    expect(formatDuration(12_345)).toBe('12.3s');
    expect(formatDuration(59_999)).toBe('59.9s');
  });

  it('shows minutes and two-digit seconds under an hour', () => {
    expect(formatDuration(65_000)).toBe('1m 05s');
  });

  it('shows hours, minutes and seconds past an hour', () => {
    expect(formatDuration(2 * 3_600_000 + 3 * 60_000 + 4_000)).toBe('2h 03m 04s');
  });

  it('shows 0 ms for a negative or non-finite duration', () => {
    expect(formatDuration(-5)).toBe('0 ms');
    expect(formatDuration(Number.NaN)).toBe('0 ms');
  });
});
