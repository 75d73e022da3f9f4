import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asUser,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  headerAuthenticate,
  logWorkflow,
  type TestServer,
  waitForFinalStatus,
} from './testServer.test-helpers';

afterEach(closeTestServers);

/** Steps of the `flaky` component fail while their id is listed here. */
const failing = new Set<string>();
/** Every `count` call, by step id. */
const calls: string[] = [];

function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'flaky',
        name: 'Flaky',
        category: 'utilities',
        async execute({ step_id }) {
          calls.push(step_id);
          if (failing.has(step_id)) {
            return { success: false, output_data: {}, error: { code: 'BOOM', message: 'down' } };
          }
          return { success: true, output_data: { from: step_id } };
        },
      }),
    ],
  });
}

/** start → up (flaky) → middle (flaky) → down (log of up's output). */
const chain = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'up', type: 'flaky' },
    { id: 'middle', type: 'flaky' },
    { id: 'down', type: 'log', data: { parameters: { message: 'after {{ steps.up.from }}' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'up' },
    { id: 'e2', source: 'up', target: 'middle' },
    { id: 'e3', source: 'middle', target: 'down' },
  ],
};

async function failedRun(options: Parameters<typeof createTestServer>[0] = {}) {
  const t = createTestServer({ registry: createRegistry(), ...options });
  const headers = options.authenticate ? asUser('ada') : {};
  const instance = await createInstanceVia(t, chain, headers);
  failing.add('middle');
  await executeVia(t, instance.instance_id, {}, headers);
  expect((await waitForFinalStatus(t, instance.instance_id, headers)).status).toBe('failed');
  failing.delete('middle');
  calls.length = 0;
  return { t, instanceId: instance.instance_id, headers };
}

function retry(t: TestServer, instanceId: string, headers: Record<string, string> = {}) {
  return t.request('POST', `/instances/${instanceId}/retry`, undefined, headers);
}

describe('POST /instances/{instance_id}/retry', () => {
  it('answers 202 and re-runs the failed step and its downstream, not the upstream', async () => {
    const { t, instanceId } = await failedRun();
    const response = await retry(t, instanceId);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ instance_id: instanceId, status: 'running' });
    const status = await waitForFinalStatus(t, instanceId);
    expect(status.status).toBe('completed');
    expect(calls).toEqual(['middle']);
    expect(status.steps.middle?.attempts).toBe(2);
    const logs = await t.request('GET', `/instances/${instanceId}/logs`);
    expect(logs.body.logs.map((line: { message: string }) => line.message)).toEqual(['after up']);
    const events = (await t.server.store.listEvents(instanceId)).map((event) => event.seq);
    expect(events).toEqual(events.map((_, at) => at + 1));
  });

  it('answers 409 for a completed run, one that never ran, and one that is running', async () => {
    const t = createTestServer({ registry: createRegistry() });
    const completed = await createInstanceVia(t, logWorkflow());
    await executeVia(t, completed.instance_id);
    await waitForFinalStatus(t, completed.instance_id);
    const fresh = await createInstanceVia(t, logWorkflow());
    const running = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, running.instance_id);
    for (const { instance_id } of [completed, fresh, running]) {
      const response = await retry(t, instance_id);
      expect(response.status, instance_id).toBe(409);
      expect(response.body.error.code).toBe('CONFLICT');
    }
    expect((await retry(t, 'inst_missing')).status).toBe(404);
  });

  it('asks the access rules for instances:execute and refuses another user', async () => {
    const authorize = vi.fn(() => true);
    const { t, instanceId } = await failedRun({ authenticate: headerAuthenticate, authorize });
    authorize.mockClear();
    expect((await retry(t, instanceId, asUser('bob'))).status).toBe(403);
    expect(await t.server.store.getInstance(instanceId)).toMatchObject({ status: 'failed' });
    expect((await retry(t, instanceId, asUser('ada'))).status).toBe(202);
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'instances:execute',
      expect.objectContaining({ type: 'instance', id: instanceId }),
    );
  });

  it('is rate-limited under its own route name', async () => {
    const { t, instanceId } = await failedRun({ rateLimit: { retry: '1/minute' } });
    expect((await retry(t, instanceId)).status).toBe(202);
    await waitForFinalStatus(t, instanceId);
    const limited = await retry(t, instanceId);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });
});
