/**
 * Dates, times, numbers, durations and sizes written as one locale writes them (`Intl`), for
 * the components to put into the catalogue's sentences.
 */
export interface Formatters {
  /** The locale the formats follow (a BCP 47 tag). */
  locale: string;
  /** A moment with its date (a run may be days old); `none` for no moment; unparsable as given. */
  dateTime(iso: string | null | undefined, none?: string): string;
  /** The wall-clock time of a moment to the millisecond (`14:03:07.042`), for events and logs. */
  clockTime(iso: string): string;
  /** A duration for people: `350 ms`, `12.3 s`, `1 min, 5 s` (the locale's units). */
  duration(ms: number): string;
  /** A number (`1,234.5` in English, `1.234,5` in German). */
  number(value: number): string;
  /** A file size in bytes, kB or MB. */
  bytes(bytes: number): string;
}

const cache = new Map<string, Formatters>();

/** The locale itself when `Intl` knows it, else English (a bad tag must not break the page). */
function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

function unit(locale: string, name: string, options: Intl.NumberFormatOptions = {}) {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: name,
    unitDisplay: 'narrow',
    ...options,
  });
}

function make(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  });
  const number = new Intl.NumberFormat(locale);
  const milliseconds = unit(locale, 'millisecond', { maximumFractionDigits: 0 });
  const seconds = unit(locale, 'second', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholeSeconds = unit(locale, 'second');
  const minutes = unit(locale, 'minute');
  const hours = unit(locale, 'hour');
  const parts = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
  const byteCount = unit(locale, 'byte', { unitDisplay: 'long' });
  const kilobytes = unit(locale, 'kilobyte', { unitDisplay: 'short', maximumFractionDigits: 0 });
  const megabytes = unit(locale, 'megabyte', { unitDisplay: 'short', maximumFractionDigits: 1 });
  const parse = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  return {
    locale,
    dateTime(iso, none = '—') {
      if (!iso) return none;
      const date = parse(iso);
      return date ? dateTime.format(date) : iso;
    },
    clockTime(iso) {
      const date = parse(iso);
      return date ? clock.format(date) : iso;
    },
    duration(ms) {
      const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
      if (safe < 1000) return milliseconds.format(Math.round(safe));
      // Tenths rounded down, so 59,999 ms is not shown as a whole minute in seconds.
      if (safe < 60_000) return seconds.format(Math.floor(safe / 100) / 10);
      const total = Math.floor(safe / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const shown = h > 0 ? [hours.format(h), minutes.format(m)] : [minutes.format(m)];
      return parts.format([...shown, wholeSeconds.format(s)]);
    },
    number: (value) => number.format(value),
    bytes(bytes) {
      if (bytes < 1024) return byteCount.format(bytes);
      if (bytes < 1024 * 1024) return kilobytes.format(Math.round(bytes / 1024));
      return megabytes.format(bytes / (1024 * 1024));
    },
  };
}

/**
 * The formatters of a locale, made once per locale; an unknown or malformed tag gets English.
 *
 * @example createFormatters('en').duration(65_000) // → '1m 5s'
 */
export function createFormatters(locale: string): Formatters {
  let formatters = cache.get(locale);
  if (!formatters) {
    formatters = make(supported(locale));
    cache.set(locale, formatters);
  }
  return formatters;
}
