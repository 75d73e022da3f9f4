import { describe, expect, it } from 'vitest';
import { CronScheduler, type ScheduledTick } from './CronScheduler';
import { InProcessTickClaim, type TickClaim } from './TickClaim';
import { ManualClock } from './triggerTestKit.test-helpers';

function setUp(claim: TickClaim = new InProcessTickClaim()) {
  const clock = new ManualClock('2026-01-01T00:00:30.000Z');
  const ticks: ScheduledTick[] = [];
  const errors: unknown[] = [];
  const scheduler = new CronScheduler({
    clock,
    claim,
    onTick: async (tick) => {
      ticks.push(tick);
    },
    onError: (error) => errors.push(error),
  });
  return { clock, ticks, errors, scheduler };
}

const everyMinute = { step_id: 'tick', cron: '* * * * *', timezone: 'UTC' };

describe('CronScheduler', () => {
  it('fires each tick once, with the time it was due and the time it fired', async () => {
    const { clock, ticks, scheduler } = setUp();
    scheduler.schedule('wf', 1, [everyMinute]);
    expect(scheduler.nextRunAt('wf', 'tick')).toBe('2026-01-01T00:01:00.000Z');
    await clock.advance(120_000);
    expect(ticks).toEqual([
      {
        workflow_id: 'wf',
        step_id: 'tick',
        scheduled_at: '2026-01-01T00:01:00.000Z',
        fired_at: '2026-01-01T00:01:00.000Z',
      },
      expect.objectContaining({ scheduled_at: '2026-01-01T00:02:00.000Z' }),
    ]);
    expect(scheduler.nextRunAt('wf', 'tick')).toBe('2026-01-01T00:03:00.000Z');
  });

  it('fires a six-field schedule every second', async () => {
    const { clock, ticks, scheduler } = setUp();
    scheduler.schedule('wf', 1, [{ ...everyMinute, cron: '* * * * * *' }]);
    await clock.advance(3_000);
    expect(ticks.map((tick) => tick.scheduled_at)).toEqual([
      '2026-01-01T00:00:31.000Z',
      '2026-01-01T00:00:32.000Z',
      '2026-01-01T00:00:33.000Z',
    ]);
  });

  it('reads the expression in its time zone', () => {
    const { scheduler } = setUp();
    scheduler.schedule('wf', 1, [{ step_id: 'tick', cron: '0 9 * * *', timezone: 'Europe/Paris' }]);
    expect(scheduler.nextRunAt('wf', 'tick')).toBe('2026-01-01T08:00:00.000Z');
  });

  it('fires a late tick once and skips the ticks missed meanwhile', async () => {
    const { clock, ticks, scheduler } = setUp();
    scheduler.schedule('wf', 1, [everyMinute]);
    // The timer of 00:01 only runs at 00:05:10, as on a process stalled for minutes.
    const stalled = clock.now() + 280_000;
    (clock as unknown as { time: number }).time = stalled;
    await clock.advance(0);
    expect(ticks.map((tick) => [tick.scheduled_at, tick.fired_at])).toEqual([
      ['2026-01-01T00:01:00.000Z', '2026-01-01T00:05:10.000Z'],
    ]);
    expect(scheduler.nextRunAt('wf', 'tick')).toBe('2026-01-01T00:06:00.000Z');
  });

  it('fires nothing once a workflow is unscheduled, and nothing after stop', async () => {
    const { clock, ticks, scheduler } = setUp();
    scheduler.schedule('wf', 1, [everyMinute]);
    scheduler.schedule('other', 1, [everyMinute]);
    scheduler.unschedule('wf');
    expect(scheduler.nextRunAt('wf', 'tick')).toBeUndefined();
    await clock.advance(60_000);
    expect(ticks.map((tick) => tick.workflow_id)).toEqual(['other']);
    scheduler.stop();
    scheduler.schedule('wf', 1, [everyMinute]);
    await clock.advance(600_000);
    expect(ticks).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it('does not fire a tick twice when a schedule is armed again', async () => {
    const { clock, ticks, scheduler } = setUp();
    scheduler.schedule('wf', 1, [everyMinute]);
    await clock.advance(30_000);
    // Re-armed (a new version saved) at the very time of the tick it just fired.
    scheduler.schedule('wf', 2, [everyMinute]);
    await clock.advance(60_000);
    expect(ticks.map((tick) => tick.scheduled_at)).toEqual([
      '2026-01-01T00:01:00.000Z',
      '2026-01-01T00:02:00.000Z',
    ]);
    expect(scheduler.armedVersion('wf')).toBe(2);
  });

  it('fires only the ticks its claim grants', async () => {
    const { clock, ticks, scheduler } = setUp({
      claim: async (_workflowId, _stepId, tickTime) => tickTime.getUTCMinutes() % 2 === 0,
    });
    scheduler.schedule('wf', 1, [everyMinute]);
    await clock.advance(240_000);
    expect(ticks.map((tick) => tick.scheduled_at)).toEqual([
      '2026-01-01T00:02:00.000Z',
      '2026-01-01T00:04:00.000Z',
    ]);
  });

  it('reports a tick whose run could not start and keeps firing', async () => {
    const clock = new ManualClock('2026-01-01T00:00:30.000Z');
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new CronScheduler({
      clock,
      claim: new InProcessTickClaim(),
      onTick: async () => {
        calls += 1;
        throw new Error('engine full');
      },
      onError: (error) => errors.push(error),
    });
    scheduler.schedule('wf', 1, [everyMinute]);
    await clock.advance(120_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('arms no timer for an expression that matches no later time', () => {
    const { clock, scheduler } = setUp();
    scheduler.schedule('wf', 1, [{ ...everyMinute, cron: '0 0 1 1 * ' }]);
    expect(clock.pending).toBe(1);
    expect(scheduler.nextRunAt('wf', 'tick')).toBe('2027-01-01T00:00:00.000Z');
  });
});
