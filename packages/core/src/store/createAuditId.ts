import { createId } from './createId';

/** The millisecond the last audit id was made in, and how many were made in it. */
let lastMs = 0;
let inMs = 0;

/**
 * A new audit entry id that sorts after every id this process made before: the log is listed
 * by `at` then `audit_id`, so entries recorded in one millisecond keep the order they happened
 * in. Hex time and a per-millisecond counter come first, then random hex (ids of different
 * processes in one millisecond sort in no particular order, and never collide).
 */
export function createAuditId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    inMs = 0;
  } else {
    // The same millisecond, or a clock that stepped back: keep counting up from the last id.
    inMs += 1;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const count = inMs.toString(16).padStart(6, '0');
  return `audit_${time}${count}${createId('').slice(1, 15)}`;
}
