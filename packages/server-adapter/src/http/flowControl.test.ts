import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticateHook } from '../auth/authTypes';
import {
  closeTestServers,
  createInstanceVia,
  createTestServer,
  executeVia,
  type TestServer,
  waitForFinalStatus,
} from './testServer.test-helpers';

afterEach(closeTestServers);

/** Releases of the `hold` steps waiting, by instance id. */
const releases = new Map<string, () => void>();

function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'hold',
        name: 'Hold',
        category: 'utilities',
        async execute({ instance_id, signal }) {
          await new Promise<void>((resolve, reject) => {
            releases.set(instance_id, resolve);
            // A stopped hold leaves no release behind for the next run of the same key to be mistaken for.
            signal.addEventListener(
              'abort',
              () => {
                if (releases.get(instance_id) === resolve) releases.delete(instance_id);
                reject(signal.reason);
              },
              { once: true },
            );
          });
          return { success: true, output_data: {} };
        },
      }),
    ],
  });
}

/** Users of the team `acme` (`x-user-id` names them). */
const acmeUsers: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user-id');
  return id ? { id, tenant_id: 'acme' } : null;
};
const asAda = { 'x-user-id': 'ada' };

const held = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'hold', type: 'hold' },
  ],
  edges: [{ id: 'e', source: 'start', target: 'hold' }],
};

async function statusOf(t: TestServer, id: string): Promise<string> {
  const response = await t.request('GET', `/instances/${id}/status`, undefined, asAda);
  expect(response.status).toBe(200);
  return response.body.status;
}

describe('limits.maxConcurrentRunsPerTenant through the API', () => {
  it('shows a run past the limit as queued, then running and completed once a slot frees', async () => {
    const t = createTestServer({
      registry: createRegistry(),
      authenticate: acmeUsers,
      limits: { maxConcurrentRunsPerTenant: 1 },
    });
    const first = await createInstanceVia(t, held, asAda, 'first');
    const second = await createInstanceVia(t, held, asAda, 'second');
    await executeVia(t, first.instance_id, {}, asAda);
    await vi.waitFor(() => expect(releases.has(first.instance_id)).toBe(true));
    const accepted = await t.request(
      'POST',
      `/instances/${second.instance_id}/execute`,
      { input_data: {} },
      asAda,
    );
    // The answer says the run waits, rather than that it runs.
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ instance_id: second.instance_id, status: 'queued' });

    expect(await statusOf(t, second.instance_id)).toBe('queued');
    const record = await t.request('GET', `/instances/${second.instance_id}`, undefined, asAda);
    expect(record.body.status).toBe('queued');
    const listed = await t.request('GET', '/instances?status=queued', undefined, asAda);
    expect(listed.body.instances.map((run: { name: string }) => run.name)).toEqual(['second']);
    // A queued instance is not started twice.
    const again = await t.request(
      'POST',
      `/instances/${second.instance_id}/execute`,
      { input_data: {} },
      asAda,
    );
    expect(again.status).toBe(409);

    releases.get(first.instance_id)!();
    await vi.waitFor(() => expect(releases.has(second.instance_id)).toBe(true));
    expect(await statusOf(t, second.instance_id)).toBe('running');
    releases.get(second.instance_id)!();
    expect((await waitForFinalStatus(t, second.instance_id, asAda)).status).toBe('completed');
    const events = await t.server.store.listEvents(second.instance_id);
    expect(events.slice(0, 2).map((event) => event.event_type)).toEqual([
      'execution_queued',
      'execution_started',
    ]);
  });

  it('cancels a queued run at once on POST /stop', async () => {
    const t = createTestServer({
      registry: createRegistry(),
      authenticate: acmeUsers,
      limits: { maxConcurrentRunsPerTenant: 1 },
    });
    const first = await createInstanceVia(t, held, asAda, 'first');
    const second = await createInstanceVia(t, held, asAda, 'second');
    await executeVia(t, first.instance_id, {}, asAda);
    await executeVia(t, second.instance_id, {}, asAda);
    const stopped = await t.request('POST', `/instances/${second.instance_id}/stop`, {}, asAda);
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('cancelled');
    expect(await statusOf(t, second.instance_id)).toBe('cancelled');
    await vi.waitFor(() => expect(releases.has(first.instance_id)).toBe(true));
    releases.get(first.instance_id)!();
    expect((await waitForFinalStatus(t, first.instance_id, asAda)).status).toBe('completed');
  });
});
