import { describe, expect, it } from 'vitest';
import { checkCron, isKnownTimeZone, nextCronRun, shortestCronIntervalMs } from './cronSchedule';

describe('checkCron', () => {
  it.each(['*/5 9-17 * * 1-5', '0 0 1 1 *', '*/10 * * * * *', '0 9 * * MON-FRI', '@daily'])(
    'accepts %s',
    (expression) => {
      expect(checkCron(expression)).toEqual({ success: true });
    },
  );

  it('names the field and value of an out-of-range expression', () => {
    expect(checkCron('0 25 * * *')).toEqual({
      success: false,
      message: 'Invalid value for hour: 25',
    });
  });

  it.each([
    ['* * *', /exactly five, six, or seven/],
    ['0 0 0 * * * 2030', /requires exactly 5 or 6 parts/],
    ['a b c d e', /illegal characters/],
    ['', /exactly five/],
  ])('refuses %j', (expression, message) => {
    expect(checkCron(expression)).toEqual({
      success: false,
      message: expect.stringMatching(message),
    });
  });

  it('refuses an expression that never matches a date', () => {
    expect(checkCron('0 0 30 2 *')).toEqual({ success: false, message: 'it never matches a date' });
  });
});

describe('nextCronRun', () => {
  it('finds the next match strictly after the given time', () => {
    const at = new Date('2025-01-01T00:00:00.000Z');
    expect(nextCronRun('0 0 * * *', 'UTC', at)?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(nextCronRun('*/2 * * * * *', 'UTC', at)?.toISOString()).toBe('2025-01-01T00:00:02.000Z');
  });

  it('reads the expression in the time zone it is given', () => {
    const at = new Date('2025-01-01T00:00:00.000Z');
    // 09:00 in Paris is 08:00 UTC in winter.
    expect(nextCronRun('0 9 * * *', 'Europe/Paris', at)?.toISOString()).toBe(
      '2025-01-01T08:00:00.000Z',
    );
  });
});

describe('shortestCronIntervalMs', () => {
  it.each<[string, number]>([
    ['* * * * * *', 1_000],
    ['*/10 * * * * *', 10_000],
    ['0 * * * * *', 60_000],
    ['* * * * *', 60_000],
    ['*/5 * * * *', 300_000],
    ['0 9 * * *', 86_400_000],
  ])('finds the gap of %s: %i ms', (cron, gap) => {
    expect(shortestCronIntervalMs(cron, 'UTC')).toBe(gap);
  });

  it('finds a short gap across a minute boundary, not only within a minute', () => {
    // 10:30:59 then 10:31:00.
    expect(shortestCronIntervalMs('0,59 30,31 * * * *', 'UTC')).toBe(1_000);
  });

  it('finds the gap of a burst that fires only on some days', () => {
    expect(shortestCronIntervalMs('* * * 5 * *', 'Europe/Paris')).toBe(1_000);
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
