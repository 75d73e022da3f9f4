import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type WorkflowDataInput, WorkflowDataSchema } from '@flowloom/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import {
  closeTestServers,
  createTestServer,
  type TestServer,
} from '../http/testServer.test-helpers';
import { SqliteStore } from '../stores/SqliteStore';
import { type ScheduleClock, systemClock } from './ScheduleClock';
import {
  ManualClock,
  scheduleWorkflow,
  settle,
  webhookWorkflow,
} from './triggerTestKit.test-helpers';

const folder = mkdtempSync(join(tmpdir(), 'flowloom-triggers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(closeTestServers);

const OWNER = { 'x-user-id': 'ada', 'x-tenant-id': 'acme' };
const authenticate: WorkflowServerOptions['authenticate'] = (request) => {
  const id = request.headers.get('x-user-id');
  const tenant = request.headers.get('x-tenant-id');
  return id ? { id, ...(tenant ? { tenant_id: tenant } : {}) } : null;
};

function clockServer(options: WorkflowServerOptions = {}, start = '2026-03-01T10:00:30.000Z') {
  const clock = new ManualClock(start);
  const t = createTestServer({
    authenticate,
    ...options,
    triggers: { clock, ...options.triggers },
  });
  return { clock, t };
}

async function saveAndActivate(t: TestServer, workflow_data: WorkflowDataInput) {
  const saved = await t.request('POST', '/editor/save', { name: 'Nightly', workflow_data }, OWNER);
  const id = saved.body.workflow_id as string;
  const activation = await t.request('POST', `/workflows/${id}/activate`, undefined, OWNER);
  expect(activation.status).toBe(200);
  return { id, activation: activation.body };
}

async function runsOf(t: TestServer) {
  return (await t.server.store.listInstances()).instances;
}

describe('schedule triggers', () => {
  it('starts a run of the owner at each tick, with the tick as its input', async () => {
    const { clock, t } = clockServer();
    const { id } = await saveAndActivate(t, scheduleWorkflow('* * * * *'));
    await clock.advanceTo('2026-03-01T10:02:00.000Z');
    await vi.waitFor(async () => expect(await runsOf(t)).toHaveLength(2));
    const runs = (await runsOf(t)).reverse();
    expect(runs.map((run) => run.input_data)).toEqual([
      { scheduled_at: '2026-03-01T10:01:00.000Z', fired_at: '2026-03-01T10:01:00.000Z' },
      { scheduled_at: '2026-03-01T10:02:00.000Z', fired_at: '2026-03-01T10:02:00.000Z' },
    ]);
    expect(runs[0]).toMatchObject({
      workflow_id: id,
      workflow_version: 1,
      trigger: { type: 'schedule', step_id: 'tick' },
      created_by: 'ada',
      tenant_id: 'acme',
    });
    const listed = await t.request('GET', '/instances?trigger_type=schedule', undefined, OWNER);
    expect(listed.body.total).toBe(2);
    const detail = await t.request('GET', `/workflows/${id}`, undefined, OWNER);
    expect(detail.body.triggers[0].next_run_at).toBe('2026-03-01T10:03:00.000Z');
  });

  it('fires nothing for the ticks missed while the process was stalled, then goes on', async () => {
    const { clock, t } = clockServer();
    await saveAndActivate(t, scheduleWorkflow('* * * * *'));
    // One timer call for 10:01 arrives at 10:04:10: one late run, not four.
    (clock as unknown as { time: number }).time = Date.parse('2026-03-01T10:04:10.000Z');
    await clock.advance(0);
    await vi.waitFor(async () => expect(await runsOf(t)).toHaveLength(1));
    await clock.advanceTo('2026-03-01T10:05:00.000Z');
    await vi.waitFor(async () => expect(await runsOf(t)).toHaveLength(2));
    const scheduled = (await runsOf(t)).map((run) => run.input_data?.scheduled_at).sort();
    expect(scheduled).toEqual(['2026-03-01T10:01:00.000Z', '2026-03-01T10:05:00.000Z']);
  });

  it('fires no tick the tick claim refuses', async () => {
    const { clock, t } = clockServer({ triggers: { tickClaim: { claim: async () => false } } });
    await saveAndActivate(t, scheduleWorkflow('* * * * *'));
    await clock.advance(180_000);
    expect(await runsOf(t)).toEqual([]);
  });

  it('fires no schedule on a server with schedules off, whose webhooks still listen', async () => {
    const { clock, t } = clockServer({ triggers: { schedules: false } });
    const { id } = await saveAndActivate(t, {
      nodes: [...(scheduleWorkflow('* * * * *').nodes ?? []), ...webhookWorkflow().nodes],
      edges: [...(scheduleWorkflow('* * * * *').edges ?? []), ...(webhookWorkflow().edges ?? [])],
    });
    await clock.advance(180_000);
    expect(await runsOf(t)).toEqual([]);
    expect((await t.request('POST', `/webhooks/${id}/orders`, { id: 1 })).status).toBe(202);
  });

  it('follows activations another server made on the shared store within syncIntervalMs', async () => {
    const { clock, t } = clockServer({ triggers: { syncIntervalMs: 10_000 } });
    await t.server.triggersReady;
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Elsewhere', workflow_data: scheduleWorkflow('* * * * *') },
      OWNER,
    );
    // As another process would: straight in the store, nothing armed here.
    await t.server.store.activateWorkflow(saved.body.workflow_id, 1);
    await clock.advance(40_000);
    await vi.waitFor(async () => expect(await runsOf(t)).toHaveLength(1));
    await t.server.store.deactivateWorkflow(saved.body.workflow_id);
    await clock.advance(180_000);
    expect(await runsOf(t)).toHaveLength(1);
  });

  it('stops every timer when the server closes', async () => {
    const { clock, t } = clockServer();
    await t.server.triggersReady;
    await saveAndActivate(t, scheduleWorkflow('* * * * *'));
    expect(clock.pending).toBeGreaterThan(0);
    await t.server.close();
    expect(clock.pending).toBe(0);
  });
});

describe('activation across a restart', () => {
  it('re-arms the schedules and webhooks of a new server on the same SQLite file', async () => {
    const file = join(folder, 'restart.db');
    const first = clockServer({ store: new SqliteStore(file) });
    const { id } = await saveAndActivate(first.t, {
      nodes: [...(scheduleWorkflow('* * * * *').nodes ?? []), ...webhookWorkflow().nodes],
      edges: [...(scheduleWorkflow('* * * * *').edges ?? []), ...(webhookWorkflow().edges ?? [])],
    });
    await first.t.server.close();
    await first.t.server.store.close();

    const second = clockServer({ store: new SqliteStore(file) }, '2026-03-01T11:00:30.000Z');
    expect(await second.t.server.triggersReady).toEqual({ active: 1 });
    const detail = await second.t.request('GET', `/workflows/${id}`, undefined, OWNER);
    expect(detail.body).toMatchObject({ active: true, active_version: 1 });
    expect(detail.body.triggers.map((trigger: { type: string }) => trigger.type).sort()).toEqual([
      'schedule',
      'webhook',
    ]);
    await second.clock.advance(30_000);
    await vi.waitFor(async () => expect(await runsOf(second.t)).toHaveLength(1));
    expect((await runsOf(second.t))[0]?.input_data).toMatchObject({
      scheduled_at: '2026-03-01T11:01:00.000Z',
    });
    const hook = await second.t.request('POST', `/webhooks/${id}/orders`, { id: 3 });
    expect(hook.status).toBe(202);
    await second.t.server.close();
    await second.t.server.store.close();
  });
});

/**
 * The system clock, counting: the timers it holds (set, neither fired nor cleared) with their
 * delays, and the callbacks it ran.
 */
function countingSystemClock() {
  const live = new Map<unknown, number>();
  const counts = { armed: 0, fired: 0 };
  const clock: ScheduleClock = {
    now: () => systemClock.now(),
    setTimer: (callback, ms) => {
      counts.armed += 1;
      const handle: unknown = systemClock.setTimer(() => {
        live.delete(handle);
        counts.fired += 1;
        callback();
      }, ms);
      live.set(handle, ms);
      return handle;
    },
    clearTimer: (handle) => {
      live.delete(handle);
      systemClock.clearTimer(handle);
    },
  };
  /** Timers due within `ms`: the schedule's, not the minute-long store sync. */
  const dueWithin = (ms: number) => [...live.values()].filter((delay) => delay <= ms).length;
  return { clock, counts, dueWithin };
}

describe('a real one-second schedule', () => {
  it('fires every second until deactivated, which disarms its timer at once', async () => {
    const { clock, counts, dueWithin } = countingSystemClock();
    const t = createTestServer({
      authenticate,
      limits: { minScheduleIntervalMs: 1000 },
      triggers: { clock },
    });
    const { id } = await saveAndActivate(t, scheduleWorkflow('* * * * * *'));
    expect(dueWithin(1000)).toBe(1);
    await vi.waitFor(async () => expect((await runsOf(t)).length).toBeGreaterThanOrEqual(2), {
      timeout: 5_000,
      interval: 100,
    });
    // Each tick fired its timer and armed the next one.
    expect(counts.fired).toBeGreaterThanOrEqual(2);
    expect(dueWithin(1000)).toBe(1);
    const deactivated = await t.request('POST', `/workflows/${id}/deactivate`, undefined, OWNER);
    expect(deactivated.status).toBe(200);
    // The 200 comes after any tick in flight started its run: the count is final now.
    const runs = (await runsOf(t)).length;
    const { armed, fired } = counts;
    expect(dueWithin(1000)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(counts).toEqual({ armed, fired });
    expect(await runsOf(t)).toHaveLength(runs);
  });
});

describe('deactivate racing a tick', () => {
  it('answers once the tick that read the activation has started its run: none starts after', async () => {
    const { clock, t } = clockServer();
    const { id } = await saveAndActivate(t, scheduleWorkflow('* * * * *'));
    const { store } = t.server;
    const order: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The tick stops between reading the activation and starting its run.
    const loadVersion = store.loadWorkflowVersion.bind(store);
    const loading = vi
      .spyOn(store, 'loadWorkflowVersion')
      .mockImplementation(async (workflowId, version) => {
        await held;
        return loadVersion(workflowId, version);
      });
    const create = store.createInstance.bind(store);
    vi.spyOn(store, 'createInstance').mockImplementation(async (instance) => {
      order.push('run created');
      return create(instance);
    });
    await clock.advanceTo('2026-03-01T10:01:00.000Z');
    await vi.waitFor(() => expect(loading).toHaveBeenCalled());

    const deactivated = t
      .request('POST', `/workflows/${id}/deactivate`, undefined, OWNER)
      .then((answer) => order.push(`deactivate ${answer.status}`));
    await settle();
    expect(order).toEqual([]);
    release();
    await deactivated;
    expect(order).toEqual(['run created', 'deactivate 200']);
    await clock.advance(180_000);
    expect(await runsOf(t)).toHaveLength(1);
  });
});

describe('the minimum schedule interval', () => {
  it('refuses to activate a cron firing more often than limits.minScheduleIntervalMs', async () => {
    const { t } = clockServer();
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Busy', workflow_data: scheduleWorkflow('*/10 * * * * *') },
      OWNER,
    );
    const id = saved.body.workflow_id as string;
    const activation = await t.request('POST', `/workflows/${id}/activate`, undefined, OWNER);
    expect(activation.status).toBe(400);
    expect(activation.body.error).toMatchObject({
      code: 'INVALID_WORKFLOW',
      issues: [
        {
          path: 'workflow_data.tick.cron',
          code: 'SCHEDULE_TOO_FREQUENT',
          message: expect.stringContaining('every 10 s'),
        },
      ],
    });
    expect(await t.server.store.getActivation(id)).toBeNull();
  });

  it('accepts every 5-field cron by default, and a faster one under a lower limit', async () => {
    expect((await saveAndActivate(clockServer().t, scheduleWorkflow('* * * * *'))).id).toBeTruthy();
    const { t } = clockServer({ limits: { minScheduleIntervalMs: 10_000 } });
    expect((await saveAndActivate(t, scheduleWorkflow('*/10 * * * * *'))).id).toBeTruthy();
  });

  it('arms no schedule of a stored activation that fires too often', async () => {
    const { clock, t } = clockServer({ triggers: { syncIntervalMs: 10_000 } });
    await t.server.triggersReady;
    // Activated when the limit was lower, or by hand: straight in the store.
    const saved = await t.server.store.saveWorkflow({
      name: 'Busy',
      workflow_data: WorkflowDataSchema.parse(scheduleWorkflow('* * * * * *')),
      created_by: 'ada',
    });
    await t.server.store.activateWorkflow(saved.workflow_id, saved.version);
    await clock.advance(60_000);
    expect(await runsOf(t)).toEqual([]);
  });

  it('keeps the previous version running when a save makes the schedule too frequent', async () => {
    const { t } = clockServer();
    const { id } = await saveAndActivate(t, scheduleWorkflow('0 * * * *'));
    const again = await t.request(
      'POST',
      '/editor/save',
      { workflow_id: id, name: 'Nightly', workflow_data: scheduleWorkflow('* * * * * *') },
      OWNER,
    );
    expect(again.body.activation).toEqual({ active: true, active_version: 1 });
  });
});

describe('server.trigger', () => {
  it('starts a run of an active workflow from host code, as its owner', async () => {
    const t = createTestServer({ authenticate });
    const { id } = await saveAndActivate(t, webhookWorkflow());
    const { instance, done } = await t.server.trigger(id, 'hook', { body: { id: 5 } });
    expect(instance).toMatchObject({
      workflow_id: id,
      created_by: 'ada',
      trigger: { type: 'webhook', step_id: 'hook' },
    });
    expect((await done).steps.shape?.output_data).toEqual({ order: 5, method: undefined });
  });

  it('applies the engine’s checks: inactive, unknown step, not a trigger', async () => {
    const t = createTestServer({ authenticate });
    const { id } = await saveAndActivate(t, webhookWorkflow());
    await expect(t.server.trigger(id, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.server.trigger(id, 'shape')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await t.request('POST', `/workflows/${id}/deactivate`, undefined, OWNER);
    await expect(t.server.trigger(id, 'hook')).rejects.toMatchObject({
      code: 'WORKFLOW_INACTIVE',
    });
    expect(await runsOf(t)).toEqual([]);
  });
});

describe('trigger options', () => {
  it.each([0, -1, 999, Number.NaN])(
    'refuses a syncIntervalMs of %s when the server is created',
    (syncIntervalMs) => {
      expect(() => createTestServer({ triggers: { syncIntervalMs } })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    },
  );
});
