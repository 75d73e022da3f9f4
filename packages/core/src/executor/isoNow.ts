let lastMs = -1;
let lastIso = '';

/**
 * The current time as an ISO string, made once per millisecond: a busy run stamps many events in
 * the same millisecond, and formatting a date costs more than the rest of making an event.
 */
export function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
