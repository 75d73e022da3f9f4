import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { ScheduleTriggerComponent } from './ScheduleTriggerComponent';

describe('ScheduleTriggerComponent', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('outputs the run input plus the time it fired', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T09:00:00.000Z') });
    const context = createTestContext({
      input_data: { cron: '0 9 * * *', timezone: 'UTC' },
      run_input: { a: 1 },
    });
    const result = await new ScheduleTriggerComponent().execute(context);
    expect(result).toEqual({
      success: true,
      output_data: { a: 1, triggered_at: '2024-05-01T09:00:00.000Z' },
    });
  });

  it('keeps a triggered_at the host passed in', async () => {
    const context = createTestContext({ run_input: { triggered_at: '2020-01-01T00:00:00.000Z' } });
    const result = await new ScheduleTriggerComponent().execute(context);
    expect(result.output_data).toEqual({ triggered_at: '2020-01-01T00:00:00.000Z' });
  });

  it('outputs the fired_at of a scheduled run as triggered_at', async () => {
    const run_input = {
      scheduled_at: '2024-05-01T09:00:00.000Z',
      fired_at: '2024-05-01T09:00:00.004Z',
    };
    const result = await new ScheduleTriggerComponent().execute(createTestContext({ run_input }));
    expect(result.output_data).toEqual({ ...run_input, triggered_at: run_input.fired_at });
  });

  it('does not change the run input', async () => {
    const run_input = { a: 1 };
    await new ScheduleTriggerComponent().execute(createTestContext({ run_input }));
    expect(run_input).toEqual({ a: 1 });
  });
});

describe('ScheduleTriggerComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [ScheduleTriggerComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('schedule_trigger', values, { allowExpressions: false });

  it('registers as a trigger with no input handle and a UTC default', () => {
    expect(registry.resolve('schedule_trigger').isTrigger).toBe(true);
    expect(registry.getComponent('schedule_trigger')?.input_handles).toEqual([]);
    expect(registry.resolve('schedule_trigger').parameters.defaults).toEqual({ timezone: 'UTC' });
  });

  it('accepts a valid cron expression and time zone', () => {
    expect(validate({ cron: '*/5 9-17 * * 1-5' })).toEqual([]);
    expect(validate({ cron: '0 0 1 1 *', timezone: 'Europe/Paris' })).toEqual([]);
  });

  it('requires a cron expression', () => {
    expect(validate({})).toMatchObject([{ parameter: 'cron', code: 'MISSING_REQUIRED_PARAMETER' }]);
  });

  it('names the wrong field of an invalid cron expression', () => {
    expect(validate({ cron: '0 25 * * *' })).toEqual([
      {
        parameter: 'cron',
        code: 'INVALID_PARAMETER_VALUE',
        message: 'Cron expression is invalid: Invalid value for hour: 25',
      },
    ]);
  });

  it('rejects a cron expression with the wrong number of fields', () => {
    expect(validate({ cron: '* * *' })).toMatchObject([
      { parameter: 'cron', message: expect.stringMatching(/five, six/) },
    ]);
    expect(validate({ cron: '0 0 0 1 1 * 2030' })).toMatchObject([
      { parameter: 'cron', message: expect.stringMatching(/5 or 6 parts/) },
    ]);
  });

  it('accepts a 6-field cron expression with seconds', () => {
    expect(validate({ cron: '*/10 * * * * *' })).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    expect(validate({ cron: '* * * * *', timezone: 'Mars/Olympus' })).toEqual([
      {
        parameter: 'timezone',
        code: 'INVALID_PARAMETER_VALUE',
        message: 'Unknown time zone "Mars/Olympus"',
      },
    ]);
  });

  it('leaves an expression for the cron unchecked at design time', () => {
    expect(registry.validateParameters('schedule_trigger', { cron: '{{ vars.cron }}' })).toEqual(
      [],
    );
  });
});
