import {
  builtinComponents,
  ComponentRegistry,
  defineComponent,
  ExecutionEngine,
  MemoryStore,
  type WorkflowDataInput,
} from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closeTestServers,
  createInstanceVia,
  createTestServer,
  executeVia,
  logWorkflow,
  type TestServer,
  waitForFinalStatus,
} from './http/testServer.test-helpers';
import { webhookWorkflow } from './triggers/triggerTestKit.test-helpers';

afterEach(closeTestServers);

/** Whether `hold` steps wait (until aborted) or pass at once: "before" and "after" a restart. */
let holding = true;
const started: string[] = [];
/** Lets the held steps finish. */
const releases: Array<() => void> = [];

function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'hold',
        name: 'Hold',
        category: 'utilities',
        async execute({ instance_id, signal }) {
          started.push(instance_id);
          if (holding) {
            await new Promise<void>((resolve, reject) => {
              releases.push(resolve);
              signal.addEventListener('abort', () => reject(signal.reason), { once: true });
            });
          }
          return { success: true, output_data: { held: false } };
        },
      }),
    ],
  });
}

const holdWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'hold', type: 'hold' },
    { id: 'say', type: 'log', data: { parameters: { message: 'after the hold' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hold' },
    { id: 'e2', source: 'hold', target: 'say' },
  ],
};

/** A server on `store` with its run held in the `hold` step. */
async function heldRun(store: MemoryStore, options: { resumeOnStart?: boolean } = {}) {
  holding = true;
  const t = createTestServer({ store, registry: createRegistry(), ...options });
  const instance = await createInstanceVia(t, holdWorkflow);
  await executeVia(t, instance.instance_id);
  await vi.waitFor(() => expect(started).toContain(instance.instance_id));
  return { t, instanceId: instance.instance_id };
}

/** What a killed process leaves: the record `running`, the journal up to the trigger. */
async function killedRun(
  store: MemoryStore,
  workflow = holdWorkflow,
  registry = createRegistry(),
): Promise<string> {
  const engine = new ExecutionEngine({ store, registry });
  const instance = await engine.createInstance({ name: 'killed', workflow_data: workflow });
  holding = true;
  await engine.startWorkflow(instance.instance_id);
  await vi.waitFor(() => expect(started).toContain(instance.instance_id));
  // The engine is abandoned, never closed: its process was killed. A dead process renews no
  // lease, so its lease would expire after leaseMs: here it is let go at once.
  await store.releaseRunLease(instance.instance_id, engine.ownerId);
  return instance.instance_id;
}

async function statusOf(t: TestServer, instanceId: string): Promise<string> {
  return (await t.request('GET', `/instances/${instanceId}`)).body.status;
}

describe('createWorkflowServer({ resumeOnStart })', () => {
  it('resumes the runs a previous process left interrupted or running, and ready counts them', async () => {
    const store = new MemoryStore();
    const first = await heldRun(store);
    await first.t.server.close({ graceMs: 0 });
    expect((await store.getInstance(first.instanceId))?.status).toBe('interrupted');
    const killed = await killedRun(store);

    holding = false;
    const next = createTestServer({ store, registry: createRegistry() });
    expect(await next.server.ready).toEqual({ resumed: 2 });
    for (const instanceId of [first.instanceId, killed]) {
      const status = await waitForFinalStatus(next, instanceId);
      expect(status.status).toBe('completed');
      const logs = await next.request('GET', `/instances/${instanceId}/logs`);
      expect(logs.body.logs.map((line: { message: string }) => line.message)).toEqual([
        'after the hold',
      ]);
    }
    expect(next.logger.info).toHaveBeenCalledWith(
      '[flowloom] Resumed 2 run(s) a previous process left unfinished.',
    );
  });

  it('resumes for a server given its own engine too', async () => {
    const store = new MemoryStore();
    const killed = await killedRun(store);
    holding = false;
    const engine = new ExecutionEngine({ store, registry: createRegistry() });
    const t = createTestServer({ engine });
    expect(await t.server.ready).toEqual({ resumed: 1 });
    expect((await waitForFinalStatus(t, killed)).status).toBe('completed');
  });

  it('leaves the runs alone when off', async () => {
    const store = new MemoryStore();
    const killed = await killedRun(store);
    holding = false;
    const t = createTestServer({ store, registry: createRegistry(), resumeOnStart: false });
    expect(await t.server.ready).toEqual({ resumed: 0 });
    expect(t.server.engine.isRunning(killed)).toBe(false);
    expect(await statusOf(t, killed)).toBe('running');
  });

  it('logs a run it cannot resume and still resumes the others and answers requests', async () => {
    const store = new MemoryStore();
    const resumable = await killedRun(store);
    // Its `shout` step's type is not in the new server's registry: its plan can't be built.
    const shouting = createRegistry();
    shouting.registerComponent(
      defineComponent({
        type: 'shout',
        name: 'Shout',
        category: 'utilities',
        async execute() {
          return { success: true, output_data: {} };
        },
      }),
    );
    const broken = await killedRun(
      store,
      {
        nodes: [...holdWorkflow.nodes, { id: 'loud', type: 'shout' }],
        edges: [...(holdWorkflow.edges ?? []), { id: 'e3', source: 'say', target: 'loud' }],
      },
      shouting,
    );
    holding = false;
    const t = createTestServer({ store, registry: createRegistry() });
    expect(await t.server.ready).toEqual({ resumed: 1 });
    expect(t.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`Could not resume run ${broken}`),
    );
    expect((await waitForFinalStatus(t, resumable)).status).toBe('completed');
    expect(await statusOf(t, broken)).toBe('running');
    expect((await t.request('GET', '/components')).status).toBe(200);
  });
});

describe('WorkflowServer.close', () => {
  it('answers 503 SHUTTING_DOWN to execute while closing, and leaves its runs interrupted', async () => {
    const store = new MemoryStore();
    const { t, instanceId } = await heldRun(store);
    const other = await createInstanceVia(t, logWorkflow());
    const closed = t.server.close({ graceMs: 60_000 });
    const refused = await t.request('POST', `/instances/${other.instance_id}/execute`, {});
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('SHUTTING_DOWN');
    expect(refused.headers.get('retry-after')).toBe('5');
    // The held step finishes within the grace period: journaled, and its dependant not started.
    for (const release of releases.splice(0)) release();
    await closed;
    expect(await store.getInstance(instanceId)).toMatchObject({ status: 'interrupted' });
    const events = await store.listEvents(instanceId);
    expect(events.map((event) => `${event.event_type}:${event.step_id ?? ''}`).slice(-2)).toEqual([
      'step_completed:hold',
      'execution_interrupted:',
    ]);
    expect(events.map((event) => event.event_type)).not.toContain('execution_cancelled');
  });
  it('refuses new runs at once, while it still waits for a retention sweep under way', async () => {
    const store = new MemoryStore();
    let releasePrune: () => void = () => {};
    const prune = vi.spyOn(store, 'pruneInstances').mockImplementation(
      () =>
        new Promise<number>((resolve) => {
          releasePrune = () => resolve(0);
        }),
    );
    const t = createTestServer({ store, retention: { finishedRunsMaxAgeMs: 60_000 } });
    const saved = await t.request('POST', '/editor/save', {
      name: 'Hook',
      workflow_data: webhookWorkflow(),
    });
    const workflowId = saved.body.workflow_id as string;
    expect((await t.request('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
    const other = await createInstanceVia(t, logWorkflow());
    await vi.waitFor(() => expect(prune).toHaveBeenCalled());

    let closedYet = false;
    const closed = t.server.close().then(() => {
      closedYet = true;
    });
    const execute = await t.request('POST', `/instances/${other.instance_id}/execute`, {});
    expect(execute.status).toBe(503);
    expect(execute.body.error.code).toBe('SHUTTING_DOWN');
    const hook = await t.request('POST', `/webhooks/${workflowId}/orders`, {});
    expect(hook.status).toBe(503);
    expect(closedYet).toBe(false);
    releasePrune();
    await closed;
    expect(await store.getInstance(other.instance_id)).toMatchObject({ status: 'pending' });
    expect((await store.listInstances()).total).toBe(1);
  });
});

describe('an interrupted run over the API', () => {
  it('answers execute with 409 saying it resumes on start and can be stopped, and stop cancels it', async () => {
    const store = new MemoryStore();
    const first = await heldRun(store);
    await first.t.server.close({ graceMs: 0 });
    const t = createTestServer({ store, registry: createRegistry(), resumeOnStart: false });
    const execute = await t.request('POST', `/instances/${first.instanceId}/execute`, {});
    expect(execute.status).toBe(409);
    expect(execute.body.error.message).toMatch(/resumes when the server starts again/);
    expect(execute.body.error.message).toMatch(/stop it/);

    const stop = await t.request('POST', `/instances/${first.instanceId}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(await statusOf(t, first.instanceId)).toBe('cancelled');
  });

  it('stops a run left running by a killed process once the start-up resume is done', async () => {
    const store = new MemoryStore();
    // Left running, and not resumable here: the new registry lacks its `hold` component.
    const killed = await killedRun(store);
    const t = createTestServer({ store });
    await t.server.ready;
    expect(await statusOf(t, killed)).toBe('running');
    const stop = await t.request('POST', `/instances/${killed}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.body.status).toBe('cancelled');
    expect(await statusOf(t, killed)).toBe('cancelled');
  });

  it('refuses to stop a run left running when the server does not resume runs', async () => {
    const store = new MemoryStore();
    const killed = await killedRun(store);
    const t = createTestServer({ store, registry: createRegistry(), resumeOnStart: false });
    await t.server.ready;
    const stop = await t.request('POST', `/instances/${killed}/stop`);
    expect(stop.status).toBe(409);
  });
});
