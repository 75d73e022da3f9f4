/** The fields of a 5-field cron expression, in order. */
export const CRON_FIELDS = ['minute', 'hour', 'day_of_month', 'month', 'day_of_week'] as const;

/** One field of a cron expression. */
export type CronField = (typeof CRON_FIELDS)[number];

/** A parsed cron expression: for each field, the sorted values it matches. */
export type ParsedCron = Record<CronField, number[]>;

/** What {@link parseCron} returns: the parsed fields, or which field is wrong and why. */
export type ParseCronResult =
  | { success: true; cron: ParsedCron }
  | { success: false; field?: CronField; message: string };

const BOUNDS: Record<CronField, { min: number; max: number; label: string }> = {
  minute: { min: 0, max: 59, label: 'minute' },
  hour: { min: 0, max: 23, label: 'hour' },
  day_of_month: { min: 1, max: 31, label: 'day-of-month' },
  month: { min: 1, max: 12, label: 'month' },
  day_of_week: { min: 0, max: 7, label: 'day-of-week' },
};

const PART = /^(?:(\*)|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

/**
 * Parses a 5-field cron expression (`minute hour day-of-month month day-of-week`).
 *
 * @example
 * parseCron('*\/15 9-17 * * 1-5'); // { success: true, cron: { minute: [0, 15, 30, 45], ... } }
 * parseCron('0 24 * * *'); // { success: false, field: 'hour', message: 'hour field "24": ...' }
 *
 * @remarks Each field takes `*`, a number, a range `a-b`, a step `*\/n` or `a-b/n`, or a comma
 * list of those. Names (`JAN`, `MON`) and `?`, `L`, `W`, `#` are not supported. Day-of-week 7
 * means Sunday and is returned as 0.
 */
export function parseCron(expression: string): ParseCronResult {
  const parts = expression
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '');
  if (parts.length !== CRON_FIELDS.length) {
    return {
      success: false,
      message: `a cron expression has 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`,
    };
  }
  const cron = {} as ParsedCron;
  for (const [index, field] of CRON_FIELDS.entries()) {
    const text = parts[index] ?? '';
    const parsed = parseField(field, text);
    if (typeof parsed === 'string') {
      return {
        success: false,
        field,
        message: `${BOUNDS[field].label} field "${text}": ${parsed}`,
      };
    }
    cron[field] = parsed;
  }
  return { success: true, cron };
}

/** The sorted values one field matches, or why it is invalid. */
function parseField(field: CronField, text: string): number[] | string {
  const { min, max } = BOUNDS[field];
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = PART.exec(item);
    if (!match) {
      return item === ''
        ? 'has an empty list item'
        : `"${item}" is not *, a number, a range a-b or a step */n or a-b/n`;
    }
    const [, star, startText, endText, stepText] = match;
    if (stepText !== undefined && star === undefined && endText === undefined) {
      return `a step needs * or a range before it, as in */${stepText}`;
    }
    const start = star ? min : Number(startText);
    const end = star ? max : endText === undefined ? start : Number(endText);
    const step = stepText === undefined ? 1 : Number(stepText);
    for (const value of [start, end]) {
      if (value < min || value > max) return `${value} is out of range ${min}-${max}`;
    }
    if (start > end) return `range ${start}-${end} runs backwards`;
    if (step < 1) return 'a step must be at least 1';
    for (let value = start; value <= end; value += step) {
      values.add(field === 'day_of_week' && value === 7 ? 0 : value);
    }
  }
  return [...values].sort((a, b) => a - b);
}
