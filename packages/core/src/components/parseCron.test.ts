import { describe, expect, it } from 'vitest';
import { parseCron } from './parseCron';

function fieldsOf(expression: string) {
  const result = parseCron(expression);
  if (!result.success) throw new Error(result.message);
  return result.cron;
}

function failureOf(expression: string) {
  const result = parseCron(expression);
  if (result.success) throw new Error(`"${expression}" parsed`);
  return result;
}

describe('parseCron', () => {
  it('expands * to every value of each field', () => {
    const cron = fieldsOf('* * * * *');
    expect(cron.minute).toHaveLength(60);
    expect(cron.hour).toHaveLength(24);
    expect(cron.day_of_month).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(cron.month).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(cron.day_of_week).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('reads numbers, ranges, lists and steps', () => {
    const cron = fieldsOf('*/15 9-17/4 1,15 2-3 1-5');
    expect(cron.minute).toEqual([0, 15, 30, 45]);
    expect(cron.hour).toEqual([9, 13, 17]);
    expect(cron.day_of_month).toEqual([1, 15]);
    expect(cron.month).toEqual([2, 3]);
    expect(cron.day_of_week).toEqual([1, 2, 3, 4, 5]);
  });

  it('sorts and de-duplicates list values', () => {
    expect(fieldsOf('30,5,5,10-12 0 1 1 0').minute).toEqual([5, 10, 11, 12, 30]);
  });

  it('treats day-of-week 7 as Sunday (0)', () => {
    expect(fieldsOf('0 0 * * 7').day_of_week).toEqual([0]);
    expect(fieldsOf('0 0 * * 5-7').day_of_week).toEqual([0, 5, 6]);
  });

  it('ignores surrounding and repeated whitespace', () => {
    expect(fieldsOf('  0   12 * *\t* ').hour).toEqual([12]);
  });

  it('rejects a wrong number of fields', () => {
    const failure = failureOf('* * * *');
    expect(failure.field).toBeUndefined();
    expect(failure.message).toMatch(/5 fields.*got 4/);
    expect(failureOf('* * * * * *').message).toMatch(/got 6/);
    expect(failureOf('').message).toMatch(/got 0/);
  });

  it.each([
    ['60 * * * *', 'minute', /minute field "60": 60 is out of range 0-59/],
    ['0 24 * * *', 'hour', /hour field "24": 24 is out of range 0-23/],
    ['0 0 0 * *', 'day_of_month', /day-of-month field "0": 0 is out of range 1-31/],
    ['0 0 * 13 *', 'month', /month field "13"/],
    ['0 0 * * 8', 'day_of_week', /day-of-week field "8": 8 is out of range 0-7/],
  ])('names the field of an out-of-range value in %s', (expression, field, message) => {
    const failure = failureOf(expression);
    expect(failure.field).toBe(field);
    expect(failure.message).toMatch(message);
  });

  it('rejects a backwards range', () => {
    expect(failureOf('0 17-9 * * *')).toMatchObject({
      field: 'hour',
      message: expect.stringMatching(/backwards/),
    });
  });

  it('rejects a zero step', () => {
    expect(failureOf('*/0 * * * *')).toMatchObject({
      field: 'minute',
      message: expect.stringMatching(/at least 1/),
    });
  });

  it('rejects a step after a single number', () => {
    expect(failureOf('5/10 * * * *')).toMatchObject({
      field: 'minute',
      message: expect.stringMatching(/needs \*/),
    });
  });

  it.each([
    ['0 0 * JAN *', 'month'],
    ['0 0 * * MON', 'day_of_week'],
    ['0 0 1,,2 * *', 'day_of_month'],
    ['-1 * * * *', 'minute'],
    ['0 0 ? * *', 'day_of_month'],
    ['1.5 * * * *', 'minute'],
    ['*/ * * * *', 'minute'],
  ])('rejects the malformed field in %s', (expression, field) => {
    expect(failureOf(expression).field).toBe(field);
  });
});
