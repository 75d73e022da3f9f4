import { describe, expect, it } from 'vitest';
import { formatClockTime } from './formatClockTime';

describe('formatClockTime', () => {
  it('shows the local time with milliseconds', () => {
    const date = new Date(2024, 0, 2, 9, 5, 7, 42);
    expect(formatClockTime(date.toISOString())).toBe('09:05:07.042');
  });

  it('shows an unparsable timestamp as given', () => {
    expect(formatClockTime('not a time')).toBe('not a time');
  });
});
