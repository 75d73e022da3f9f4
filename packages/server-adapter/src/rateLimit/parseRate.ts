import { ErrorCode, FlowloomError } from '@flowloom/core';

/** A rate: `points` requests per `durationMs`. */
export interface Rate {
  points: number;
  durationMs: number;
}

/** A rate as written in options: `'10/minute'`, `'100/second'`, `'5/15s'`, or a {@link Rate}. */
export type RateSpec = string | Rate;

// Every spelling is listed: stripping a trailing "s" would read "ms" as minutes.
const UNIT_MS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

/**
 * Reads a rate such as `'10/minute'` (as the seed's `@limiter.limit("10/minute")`), `'5/30s'`
 * or `{ points, durationMs }`.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for anything else.
 */
export function parseRate(spec: RateSpec): Rate {
  if (typeof spec === 'object' && spec !== null) {
    if (Number.isSafeInteger(spec.points) && spec.points > 0) {
      if (Number.isFinite(spec.durationMs) && spec.durationMs > 0) return spec;
    }
    throw invalid(JSON.stringify(spec));
  }
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([a-z]+)\s*$/i.exec(String(spec));
  const unit = match ? UNIT_MS[match[3]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw invalid(String(spec));
  const points = Number(match[1]);
  const count = match[2] === '' ? 1 : Number(match[2]);
  if (!Number.isSafeInteger(points) || points < 1 || !Number.isSafeInteger(count) || count < 1) {
    throw invalid(String(spec));
  }
  return { points, durationMs: unit * count };
}

function invalid(spec: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.VALIDATION_FAILED,
    `Invalid rate "${spec}": write it as "<count>/<unit>", e.g. "10/minute", "100/second" or "5/30s"`,
  );
}
