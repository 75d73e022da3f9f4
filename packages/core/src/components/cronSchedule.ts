import { Cron } from 'croner';

/** What {@link checkCron} returns: whether the expression is usable, and why not. */
export type CronCheck = { success: true } | { success: false; message: string };

/**
 * Checks a cron expression: 5 fields (`minute hour day-of-month month day-of-week`) or 6 with
 * seconds first, names (`MON`, `JAN`), `L`, `W`, `#` and nicknames (`@daily`) included, as
 * croner reads them; one that never matches a date is refused too.
 *
 * @example
 * checkCron('*\/15 9-17 * * 1-5'); // { success: true }
 * checkCron('0 25 * * *'); // { success: false, message: 'Invalid value for hour: 25' }
 */
export function checkCron(expression: string): CronCheck {
  let cron: Cron;
  try {
    cron = cronOf(expression, 'UTC');
  } catch (error) {
    return { success: false, message: withoutPrefix((error as Error).message) };
  }
  // A pattern such as 30 February parses but would never fire.
  if (cron.nextRun(new Date(0)) === null) {
    return { success: false, message: 'it never matches a date' };
  }
  return { success: true };
}

/**
 * The first time strictly after `after` that a cron expression matches, read in an IANA time
 * zone; `null` when it never does again.
 *
 * @throws TypeError for an invalid expression or time zone (check them with {@link checkCron}
 * and {@link isKnownTimeZone} first).
 */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date | null {
  return cronOf(expression, timeZone).nextRun(after);
}

/** Fires looked at by {@link shortestCronIntervalMs}. */
const SAMPLED_FIRES = 125;

/** Where {@link shortestCronIntervalMs} starts counting: fixed, so its answer never drifts. */
const SAMPLE_START = new Date('2001-01-01T00:00:00.000Z');

/**
 * The shortest time between two consecutive fires of a cron expression in a time zone, in
 * milliseconds, over its first 125 fires from a fixed date; `null` when it fires less than
 * twice. A cron is a product of its fields, so its gaps repeat: within a minute (the seconds
 * field) and from one firing minute to the next, both of which the first fires show.
 *
 * @example
 * shortestCronIntervalMs('* * * * * *', 'UTC'); // 1000
 * shortestCronIntervalMs('0 9 * * 1-5', 'UTC'); // 86400000
 * @throws TypeError for an invalid expression or time zone (check them with {@link checkCron}
 * and {@link isKnownTimeZone} first).
 */
export function shortestCronIntervalMs(expression: string, timeZone: string): number | null {
  const fires = cronOf(expression, timeZone).nextRuns(SAMPLED_FIRES, SAMPLE_START);
  let shortest: number | null = null;
  for (let index = 1; index < fires.length; index += 1) {
    const gap = fires[index]!.getTime() - fires[index - 1]!.getTime();
    if (shortest === null || gap < shortest) shortest = gap;
  }
  return shortest;
}

/** Whether the runtime knows an IANA time zone (`Europe/Paris`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A croner pattern that schedules nothing by itself: it is only asked for its next match. */
function cronOf(expression: string, timeZone: string): Cron {
  return new Cron(expression.trim(), { mode: '5-or-6-parts', timezone: timeZone });
}

function withoutPrefix(message: string): string {
  return message.replace(/^Cron(Pattern|Date)?:\s*/, '');
}
