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
