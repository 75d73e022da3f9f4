import {
  builtinComponents,
  ComponentRegistry,
  DEFAULT_LIMITS,
  WorkflowDataSchema,
} from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { readTriggers } from './readTriggers';

const registry = new ComponentRegistry({ components: builtinComponents });
const read = (nodes: unknown[], limits = DEFAULT_LIMITS) =>
  readTriggers(WorkflowDataSchema.parse({ nodes }), registry, limits);

describe('readTriggers', () => {
  it('reads webhook and schedule triggers with their defaults, and nothing else', () => {
    const set = read([
      { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in' } } },
      { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '0 * * * *' } } },
      { id: 'manual', type: 'manual_trigger' },
      { id: 'say', type: 'log', data: { parameters: { message: 'x' } } },
    ]);
    expect(set).toEqual({
      webhooks: [
        {
          step_id: 'hook',
          path: '/in',
          method: 'POST',
          respond: 'immediately',
          timeout_ms: 30_000,
          auth: 'none',
          signature_header: 'x-signature',
        },
      ],
      schedules: [{ step_id: 'tick', cron: '0 * * * *', timezone: 'UTC' }],
      issues: [],
    });
  });

  it('refuses settings held in expressions, naming each', () => {
    const set = read([
      { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '{{ vars.path }}' } } },
      { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '{{ vars.cron }}' } } },
    ]);
    expect(set.webhooks).toEqual([]);
    expect(set.schedules).toEqual([]);
    expect(set.issues).toEqual([
      {
        path: 'workflow_data.hook.path',
        message: 'Give "path" a fixed value: a trigger\'s settings can\'t hold expressions',
      },
      {
        path: 'workflow_data.tick.cron',
        message: 'Give "cron" a fixed value: a trigger\'s settings can\'t hold expressions',
      },
    ]);
  });

  it('refuses a schedule firing more often than limits.minScheduleIntervalMs, arming none', () => {
    const tick = (cron: string) => ({
      id: 'tick',
      type: 'schedule_trigger',
      data: { parameters: { cron } },
    });
    const set = read([tick('0,30 * * * * *')]);
    expect(set.schedules).toEqual([]);
    expect(set.issues).toEqual([
      {
        path: 'workflow_data.tick.cron',
        code: 'SCHEDULE_TOO_FREQUENT',
        message:
          'Schedule "tick" fires every 30 s at times; schedules may fire at most every 60 s (limits.minScheduleIntervalMs)',
      },
    ]);
    expect(read([tick('0 * * * * *')]).issues).toEqual([]);
    expect(read([tick('* * * * *')]).issues).toEqual([]);
    const hourly = { ...DEFAULT_LIMITS, minScheduleIntervalMs: 3_600_000 };
    expect(read([tick('*/30 * * * *')], hourly).issues).toMatchObject([
      { code: 'SCHEDULE_TOO_FREQUENT' },
    ]);
    const any = { ...DEFAULT_LIMITS, minScheduleIntervalMs: 0 };
    expect(read([tick('* * * * * *')], any).schedules).toHaveLength(1);
  });

  it('refuses two webhooks on one path and method, but not on two methods', () => {
    const hook = (id: string, method: string) => ({
      id,
      type: 'webhook_trigger',
      data: { parameters: { path: '/in', method } },
    });
    expect(read([hook('a', 'POST'), hook('b', 'GET')]).issues).toEqual([]);
    expect(read([hook('a', 'POST'), hook('b', 'POST')]).issues).toEqual([
      { path: 'workflow_data.b.path', message: 'Webhooks "a" and "b" both listen to POST /in' },
    ]);
  });
});
