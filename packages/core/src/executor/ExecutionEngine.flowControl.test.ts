import { describe, expect, it, vi } from 'vitest';
import { WaitComponent } from '../components/WaitComponent';
import { createMemoryConcurrencyGate } from '../concurrency/createMemoryConcurrencyGate';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine, type ExecutionEngineOptions } from './ExecutionEngine';
import { edge, node } from './engineTestKit.test-helpers';

/**
 * Engines over one store whose `hold` step waits until the test releases its run, with every
 * event they publish and the runs executing (between `execution_started` and their end) by
 * tenant, and the most that ever executed at once.
 */
function createFlowKit() {
  const store = new MemoryStore();
  const releases = new Map<string, () => void>();
  const registry = new ComponentRegistry({
    components: [
      WaitComponent,
      defineComponent({
        type: 'hold',
        name: 'Hold',
        category: 'utilities',
        async execute({ instance_id, signal }) {
          await new Promise<void>((resolve, reject) => {
            releases.set(instance_id, resolve);
            // A stopped hold must not leave its release behind: a retry of the same instance
            // would otherwise look held before its own hold step began.
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
  const events: ExecutionEvent[] = [];
  const tenantOf = new Map<string, string>();
  const executing = new Map<string, Set<string>>();
  const most = new Map<string, number>();
  const startOrder: string[] = [];
  function track(event: ExecutionEvent) {
    events.push(event);
    const tenant = tenantOf.get(event.instance_id) ?? '-';
    const runs = executing.get(tenant) ?? new Set<string>();
    executing.set(tenant, runs);
    if (event.event_type === 'execution_started' || event.event_type === 'execution_resumed') {
      runs.add(event.instance_id);
      startOrder.push(event.instance_id);
      most.set(tenant, Math.max(most.get(tenant) ?? 0, runs.size));
    } else if (
      event.event_type === 'execution_completed' ||
      event.event_type === 'execution_failed' ||
      event.event_type === 'execution_cancelled' ||
      event.event_type === 'execution_interrupted' ||
      event.event_type === 'execution_waiting'
    ) {
      runs.delete(event.instance_id);
    }
  }
  function engine(options: ExecutionEngineOptions = {}) {
    // One lease owner: a later engine stands for the next process on the store.
    const created = new ExecutionEngine({ registry, store, ownerId: 'flow-kit', ...options });
    created.on('event', track);
    return created;
  }
  async function create(
    on: ExecutionEngine,
    tenant: string,
    name: string,
    workflow_data: { nodes: unknown[]; edges: unknown[] } = {
      nodes: [node('hold', 'hold')],
      edges: [],
    },
  ) {
    const instance = await on.createInstance({ name, tenant_id: tenant, workflow_data });
    tenantOf.set(instance.instance_id, tenant);
    return instance.instance_id;
  }
  async function heldAt(...ids: string[]) {
    await vi.waitFor(() => {
      for (const id of ids) if (!releases.has(id)) throw new Error(`${id} is not held`);
    });
  }
  function release(id: string) {
    const resolve = releases.get(id);
    if (!resolve) throw new Error(`${id} is not held`);
    releases.delete(id);
    resolve();
  }
  const typesOf = async (id: string) =>
    (await store.listEvents(id)).map((event) => event.event_type);
  return {
    store,
    events,
    releases,
    most,
    startOrder,
    engine,
    create,
    heldAt,
    release,
    typesOf,
  };
}

describe('ExecutionEngine flow control: limits.maxConcurrentRunsPerTenant', () => {
  it('never executes more than 2 runs of a tenant at once; the rest wait queued and start in order', async () => {
    const kit = createFlowKit();
    const engine = kit.engine({ limits: { maxConcurrentRunsPerTenant: 2 } });
    const ids: string[] = [];
    for (let at = 1; at <= 6; at += 1) ids.push(await kit.create(engine, 't1', `r${at}`));
    const other = await kit.create(engine, 't2', 'other');
    const started = [];
    for (const id of ids) started.push(await engine.startWorkflow(id));
    expect(started.map(({ instance }) => instance.status)).toEqual([
      'running',
      'running',
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    // Another tenant's run does not wait behind them.
    const otherRun = await engine.startWorkflow(other);
    expect(otherRun.instance.status).toBe('running');
    await kit.heldAt(ids[0]!, ids[1]!, other);

    expect((await engine.getStatus(ids[2]!)).status).toBe('queued');
    expect(await kit.typesOf(ids[2]!)).toEqual(['execution_queued']);
    expect((await kit.store.getInstance(ids[2]!))?.status).toBe('queued');

    // However the executing runs end, the queued ones start first come, first served.
    for (const next of [ids[1]!, ids[0]!, ids[3]!, ids[2]!, ids[4]!, ids[5]!]) {
      await kit.heldAt(next);
      kit.release(next);
    }
    kit.release(other);
    const statuses = await Promise.all(started.map(({ done }) => done));
    expect(statuses.map((status) => status.status)).toEqual(Array(6).fill('completed'));
    expect(kit.most.get('t1')).toBe(2);
    expect(kit.startOrder.filter((id) => ids.includes(id))).toEqual(ids);
    expect(await kit.typesOf(ids[5]!)).toEqual([
      'execution_queued',
      'execution_started',
      'step_started',
      'step_completed',
      'execution_completed',
    ]);
    expect(await kit.typesOf(ids[0]!)).not.toContain('execution_queued');
  });

  it('cancels a queued run at once when it is stopped, and the run behind it takes its place', async () => {
    const kit = createFlowKit();
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 1 });
    const engine = kit.engine({ concurrencyGate: gate });
    const [first, second, third] = [
      await kit.create(engine, 't1', 'first'),
      await kit.create(engine, 't1', 'second'),
      await kit.create(engine, 't1', 'third'),
    ];
    const runs = [
      await engine.startWorkflow(first!),
      await engine.startWorkflow(second!),
      await engine.startWorkflow(third!),
    ];
    await kit.heldAt(first!);
    const stopped = await engine.stopWorkflow(second!, 'Not needed');
    expect(stopped).toMatchObject({
      status: 'cancelled',
      error: { code: 'CANCELLED', message: 'Not needed' },
    });
    expect(await kit.typesOf(second!)).toEqual(['execution_queued', 'execution_cancelled']);
    expect((await kit.store.getInstance(second!))?.status).toBe('cancelled');

    kit.release(first!);
    await kit.heldAt(third!);
    kit.release(third!);
    expect((await runs[2]!.done).status).toBe('completed');
    expect((await runs[1]!.done).status).toBe('cancelled');
    expect(kit.startOrder).toEqual([first, third]);
  });

  it('refuses to start a queued instance again, and retries wait queued too', async () => {
    const kit = createFlowKit();
    const engine = kit.engine({ limits: { maxConcurrentRunsPerTenant: 1 } });
    const [first, second] = [
      await kit.create(engine, 't1', 'first'),
      await kit.create(engine, 't1', 'second'),
    ];
    const running = await engine.startWorkflow(first!);
    await kit.heldAt(first!);
    await engine.stopWorkflow(first!);
    await running.done;
    const blocker = await engine.startWorkflow(second!);
    await kit.heldAt(second!);
    const retried = await engine.retryWorkflow(first!);
    expect(retried.instance.status).toBe('queued');
    expect((await engine.getStatus(first!)).status).toBe('queued');
    await expect(engine.startWorkflow(first!)).rejects.toMatchObject({ code: 'CONFLICT' });
    kit.release(second!);
    await blocker.done;
    await kit.heldAt(first!);
    kit.release(first!);
    expect((await retried.done).status).toBe('completed');
    const types = await kit.typesOf(first!);
    expect(types.slice(types.indexOf('execution_cancelled'))).toEqual([
      'execution_cancelled',
      'execution_queued',
      'execution_retried',
      'step_started',
      'step_completed',
      'execution_completed',
    ]);
  });

  it('leaves queued runs interrupted on close; a resume begins them as asked, in turn', async () => {
    const kit = createFlowKit();
    const limits = { maxConcurrentRunsPerTenant: 1 };
    const before = kit.engine({ limits });
    const [first, second] = [
      await kit.create(before, 't1', 'first'),
      await kit.create(before, 't1', 'second'),
    ];
    await before.startWorkflow(first!);
    const queued = await before.startWorkflow(second!, { order: 7 }, { variables: { x: 1 } });
    await kit.heldAt(first!);
    await before.close({ graceMs: 0 });
    expect((await queued.done).status).toBe('interrupted');
    expect((await kit.store.getInstance(second!))?.status).toBe('interrupted');
    expect(await kit.typesOf(second!)).toEqual(['execution_queued', 'execution_interrupted']);

    const after = kit.engine({ limits });
    const resumedFirst = await after.resumeWorkflow(first!);
    const resumedSecond = await after.resumeWorkflow(second!);
    expect(resumedSecond.instance.status).toBe('queued');
    expect((await after.getStatus(second!)).status).toBe('queued');
    await kit.heldAt(first!);
    kit.release(first!);
    await kit.heldAt(second!);
    kit.release(second!);
    expect((await resumedFirst.done).status).toBe('completed');
    expect((await resumedSecond.done).status).toBe('completed');
    const startedEvent = (await kit.store.listEvents(second!)).find(
      (event) => event.event_type === 'execution_started',
    );
    expect(startedEvent?.data).toMatchObject({ input_data: { order: 7 }, variables: { x: 1 } });
    expect(await kit.typesOf(second!)).toEqual([
      'execution_queued',
      'execution_interrupted',
      'execution_queued',
      'execution_started',
      'step_started',
      'step_completed',
      'execution_completed',
    ]);
  });

  it('counts nothing without a limit: every run begins at once', async () => {
    const kit = createFlowKit();
    const engine = kit.engine();
    const ids = [await kit.create(engine, 't1', 'a'), await kit.create(engine, 't1', 'b')];
    const runs = [await engine.startWorkflow(ids[0]!), await engine.startWorkflow(ids[1]!)];
    expect(runs.map(({ instance }) => instance.status)).toEqual(['running', 'running']);
    await kit.heldAt(...ids);
    for (const id of ids) kit.release(id);
    await Promise.all(runs.map(({ done }) => done));
  });
});

describe('ExecutionEngine flow control: limits.maxConcurrentRunsPerWorkflow', () => {
  it('queues runs of one saved workflow past its limit, whatever their tenant', async () => {
    const kit = createFlowKit();
    const engine = kit.engine({ limits: { maxConcurrentRunsPerWorkflow: 1 } });
    const saved = await kit.store.saveWorkflow({
      name: 'held',
      workflow_data: { nodes: [node('hold', 'hold')], edges: [] },
    });
    const make = async (tenant: string) =>
      (
        await engine.createInstance({
          name: tenant,
          workflow_id: saved.workflow_id,
          tenant_id: tenant,
        })
      ).instance_id;
    const [a, b] = [await make('t1'), await make('t2')];
    const runA = await engine.startWorkflow(a);
    const runB = await engine.startWorkflow(b);
    expect([runA.instance.status, runB.instance.status]).toEqual(['running', 'queued']);
    await kit.heldAt(a);
    kit.release(a);
    await kit.heldAt(b);
    kit.release(b);
    expect((await runB.done).status).toBe('completed');
  });
});

describe('ExecutionEngine flow control: wake-ups', () => {
  it('queues a resume request of a parked run behind the tenant limit and keeps its data across a restart', async () => {
    const kit = createFlowKit();
    const limits = { maxConcurrentRunsPerTenant: 1 };
    const before = kit.engine({ limits });
    const approval = {
      nodes: [node('approve', 'wait', { mode: 'resume' }), node('hold', 'hold')],
      edges: [edge('approve', 'hold', 'output')],
    };
    const parked = await kit.create(before, 't1', 'parked', approval);
    const busy = await kit.create(before, 't1', 'busy');
    expect((await (await before.startWorkflow(parked)).done).status).toBe('waiting');
    await before.startWorkflow(busy);
    await kit.heldAt(busy);

    const resumed = await before.resumeWait(parked, 'approve', { approved: true });
    expect(resumed.instance.status).toBe('queued');
    expect((await before.getStatus(parked)).status).toBe('queued');
    expect((await kit.typesOf(parked)).slice(-3)).toEqual([
      'execution_waiting',
      'execution_queued',
      'step_resumed',
    ]);
    await before.close({ graceMs: 0 });
    expect((await resumed.done).status).toBe('interrupted');

    const after = kit.engine({ limits });
    const busyAgain = await after.resumeWorkflow(busy);
    const parkedAgain = await after.resumeWorkflow(parked);
    expect(parkedAgain.instance.status).toBe('queued');
    expect((await after.getStatus(parked)).status).toBe('queued');
    await kit.heldAt(busy);
    kit.release(busy);
    await busyAgain.done;
    await kit.heldAt(parked);
    kit.release(parked);
    const status = await parkedAgain.done;
    expect(status.status).toBe('completed');
    expect(status.steps.approve?.output_data).toEqual({ approved: true });
  });
});
