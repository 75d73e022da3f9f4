import { describe, expect, it } from 'vitest';
import { createFormatters } from './createFormatters';

const en = createFormatters('en');
const de = createFormatters('de');

describe('createFormatters: durations', () => {
  it('shows milliseconds under a second', () => {
    expect(en.duration(350)).toBe('350ms');
    expect(de.duration(350)).toBe('350 ms');
  });

  it('shows seconds with one decimal under a minute, rounding down', () => {
    expect(en.duration(12_345)).toBe('12.3s');
    expect(en.duration(59_999)).toBe('59.9s');
    expect(de.duration(12_345)).toContain('12,3');
  });

  it('shows minutes and seconds under an hour, and hours past one', () => {
    expect(en.duration(65_000)).toBe('1m 5s');
    expect(en.duration(2 * 3_600_000 + 3 * 60_000 + 4_000)).toBe('2h 3m 4s');
  });

  it('shows 0 for a negative or non-finite duration', () => {
    expect(en.duration(-5)).toBe('0ms');
    expect(en.duration(Number.NaN)).toBe('0ms');
  });
});

describe('createFormatters: moments', () => {
  it('shows the local time of day with milliseconds in 24 hours', () => {
    const date = new Date(2024, 0, 2, 9, 5, 7, 42);
    expect(en.clockTime(date.toISOString())).toBe('09:05:07.042');
    expect(de.clockTime(date.toISOString())).toBe('09:05:07,042');
  });

  it('shows a date and time as the locale writes them', () => {
    const iso = new Date(2024, 0, 2, 15, 4, 5).toISOString();
    expect(en.dateTime(iso)).toBe('Jan 2, 2024, 3:04:05 PM');
    expect(de.dateTime(iso)).toBe('02.01.2024, 15:04:05');
  });

  it('shows no moment as the placeholder given, and an unparsable one as written', () => {
    expect(en.dateTime(null)).toBe('—');
    expect(en.dateTime(undefined, 'Not started')).toBe('Not started');
    expect(en.clockTime('not a time')).toBe('not a time');
    expect(en.dateTime('not a time')).toBe('not a time');
  });
});

describe('createFormatters: numbers and sizes', () => {
  it('groups digits as the locale does', () => {
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(de.number(1234.5)).toBe('1.234,5');
  });

  it('shows bytes, kilobytes and megabytes', () => {
    expect(en.bytes(512)).toBe('512 bytes');
    expect(en.bytes(2048)).toBe('2 kB');
    expect(en.bytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('createFormatters: bad locales', () => {
  it('falls back to English for a malformed locale tag instead of throwing', () => {
    const formatters = createFormatters('not a locale!');
    expect(formatters.locale).toBe('en');
    expect(formatters.number(1234)).toBe('1,234');
  });

  it('makes the formatters of a locale once', () => {
    expect(createFormatters('de')).toBe(de);
  });
});
