/** Milliseconds in each unit a `wait` step's duration can be given in. */
export const WAIT_UNIT_MS = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
} as const;

/** A duration unit of a `wait` step. */
export type WaitUnit = keyof typeof WAIT_UNIT_MS;

/** The longest a `wait` step waits for a duration or a resume: 30 days. */
export const MAX_WAIT_MS = 30 * WAIT_UNIT_MS.days;

/** ISO date-times with a `Z` or an offset, e.g. `2026-05-01T09:00:00Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The time an ISO date-time with an offset names, in ms; `undefined` for anything else. */
export function parseWaitUntil(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
