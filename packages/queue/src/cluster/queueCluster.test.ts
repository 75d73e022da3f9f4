import type { ExecutionEvent, WorkflowDataInput } from '@flowloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { dropQueue, eventually, testQueueName } from '../queueTestKit.test-helpers';
import { ClusterHarness, type ClusterProcess } from './ClusterHarness.test-helpers';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
/** Short, so a killed worker's runs are taken over within seconds. */
const LEASE_MS = 2_000;
/** Every worker's `limits.maxConcurrentRunsPerTenant`: runs without a tenant are not held. */
const PER_TENANT = 2;

/** manual_trigger → probe × `steps`, each sleeping `ms`. */
function chain(steps: number, ms: number): WorkflowDataInput {
  const nodes: WorkflowDataInput['nodes'] = [{ id: 'start', type: 'manual_trigger' }];
  const edges: WorkflowDataInput['edges'] = [];
  for (let index = 1; index <= steps; index += 1) {
    nodes.push({ id: `p${index}`, type: 'probe', data: { parameters: { ms } } });
    const source = index === 1 ? 'start' : `p${index - 1}`;
    edges.push({ id: `e${index}`, source, target: `p${index}` });
  }
  return { nodes, edges };
}

/** A request to an API server; `tenant` makes the caller a user of that tenant. */
async function call(base: string, method: string, path: string, body?: unknown, tenant?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (tenant !== undefined) headers['x-cluster-tenant'] = tenant;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** When a run executed: from its `execution_started` to its `execution_completed`, in ms. */
function executedDuring(events: readonly ExecutionEvent[]): { from: number; to: number } {
  const started = events.filter((event) => event.event_type === 'execution_started');
  const completed = events.find((event) => event.event_type === 'execution_completed');
  // One start: a run that began twice (taken over) would hide an overlap.
  expect(started).toHaveLength(1);
  expect(completed).toBeDefined();
  return { from: Date.parse(started[0]!.timestamp), to: Date.parse(completed!.timestamp) };
}

/**
 * The most intervals that cover one instant. An interval that ends when another starts does not
 * overlap it: the gate gives a slot back only after the run's end is journaled.
 */
function mostAtOnce(intervals: ReadonlyArray<{ from: number; to: number }>): number {
  const edges = intervals
    .flatMap(({ from, to }) => [
      { at: from, delta: 1 },
      { at: to, delta: -1 },
    ])
    .sort((x, y) => x.at - y.at || x.delta - y.delta);
  let now = 0;
  let most = 0;
  for (const { delta } of edges) {
    now += delta;
    most = Math.max(most, now);
  }
  return most;
}

/** Creates an instance through one server and executes it through another (or the same). */
async function runThrough(
  createAt: string,
  executeAt: string,
  workflow: WorkflowDataInput,
  tenant?: string,
) {
  const created = await call(
    createAt,
    'POST',
    '/instances',
    { name: 'cluster run', workflow_data: workflow },
    tenant,
  );
  expect(created.status).toBe(201);
  const id = created.body.instance_id as string;
  const executed = await call(
    executeAt,
    'POST',
    `/instances/${id}/execute`,
    { input_data: {} },
    tenant,
  );
  expect(executed.status).toBe(202);
  return id;
}

if (!databaseUrl || !redisUrl) {
  console.warn(
    'Queue cluster tests skipped: DATABASE_URL and REDIS_URL must both be set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379).',
  );
  describe.skip('queue mode across processes (skipped: DATABASE_URL or REDIS_URL is unset)', () => {
    it('runs 200 runs through two API servers on two workers', () => {});
  });
} else {
  describe('queue mode across processes: 2 API servers, 2 workers, PostgreSQL, Redis', () => {
    const queueName = testQueueName();
    const cluster = new ClusterHarness({
      databaseUrl,
      redisUrl,
      queueName,
      leaseMs: LEASE_MS,
      maxRunsPerTenant: PER_TENANT,
    });
    let apiA: ClusterProcess;
    let apiB: ClusterProcess;
    let workers: ClusterProcess[];
    let a: string;
    let b: string;

    beforeAll(async () => {
      await cluster.migrate();
      [apiA, apiB, ...workers] = await Promise.all([
        cluster.start('api'),
        cluster.start('api'),
        cluster.start('worker'),
        cluster.start('worker'),
      ]);
      a = apiA.url!;
      b = apiB.url!;
    }, 120_000);

    afterAll(async () => {
      await cluster.close();
      await dropQueue(redisUrl, queueName);
    }, 60_000);

    /** The pids of the processes that completed each step of a run. */
    async function stepPids(id: string): Promise<Map<string, number[]>> {
      const pids = new Map<string, number[]>();
      for (const event of await cluster.store.listEvents(id)) {
        if (event.event_type !== 'step_completed' || !event.step_id) continue;
        const pid = (event.data.output_data as { pid?: number } | undefined)?.pid;
        if (pid === undefined) continue;
        pids.set(event.step_id, [...(pids.get(event.step_id) ?? []), pid]);
      }
      return pids;
    }

    /** Whether every run of `ids` completed (one query per poll, however many runs). */
    async function allCompleted(ids: readonly string[]): Promise<boolean> {
      const wanted = new Set(ids);
      let completed = 0;
      let cursor: string | undefined;
      do {
        const page = await cluster.store.listInstanceSummaries({
          statuses: ['completed'],
          limit: 500,
          cursor,
        });
        completed += page.instances.filter(({ instance_id }) => wanted.has(instance_id)).length;
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return completed === wanted.size;
    }

    it('completes 200 runs started through both servers, spread over both workers', async () => {
      const ids: string[] = [];
      for (let batch = 0; batch < 10; batch += 1) {
        ids.push(
          ...(await Promise.all(
            Array.from({ length: 20 }, (_, index) =>
              index % 2 === 0 ? runThrough(a, a, chain(3, 0)) : runThrough(b, b, chain(3, 0)),
            ),
          )),
        );
      }
      await eventually(() => allCompleted(ids), 60_000, 250);
      const ran = new Set<number>();
      for (const id of ids) for (const pids of (await stepPids(id)).values()) ran.add(pids[0]!);
      expect(ran).toEqual(new Set(workers.map((worker) => worker.pid)));
    }, 120_000);

    it('streams every event of a run executing on a worker to a WebSocket on server A, in order', async () => {
      const created = await call(a, 'POST', '/instances', {
        name: 'watched',
        workflow_data: chain(5, 50),
      });
      const id = created.body.instance_id as string;
      const socket = new WebSocket(`ws://127.0.0.1:${apiA.port}/api/workflow/ws/${id}`);
      const received: ExecutionEvent[] = [];
      const ended = new Promise<void>((resolve, reject) => {
        socket.on('message', (data) => {
          const event = JSON.parse(String(data)) as ExecutionEvent;
          received.push(event);
          if (event.event_type === 'execution_completed') resolve();
        });
        socket.on('error', reject);
      });
      await new Promise((resolve) => socket.once('open', resolve));
      expect((await call(b, 'POST', `/instances/${id}/execute`, {})).status).toBe(202);
      await ended;
      socket.close();
      const stored = await cluster.store.listEvents(id);
      expect(received.map((event) => [event.seq, event.event_type])).toEqual(
        stored.map((event) => [event.seq, event.event_type]),
      );
      expect(received.map((event) => event.seq)).toEqual(stored.map((_, index) => index + 1));
    }, 60_000);

    it('cancels a run executing on a worker when server B is asked to stop it', async () => {
      const id = await runThrough(a, a, chain(1, 60_000));
      await eventually(
        async () =>
          (await cluster.store.listEvents(id)).some((event) => event.event_type === 'step_started'),
        20_000,
      );
      const stopped = await call(b, 'POST', `/instances/${id}/stop`);
      expect(stopped.status).toBe(200);
      expect(stopped.body.status).toBe('cancelled');
      expect((await cluster.store.getInstance(id))?.status).toBe('cancelled');
    }, 60_000);

    it("a per-tenant limit of 2 never has 3 runs of that tenant executing at once across both workers, and does not hold another tenant's runs back", async () => {
      // Through both servers at once; either worker may take any of them, the gate is shared.
      const held = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          index % 2 === 0
            ? runThrough(a, b, chain(1, 300), 'held')
            : runThrough(b, a, chain(1, 300), 'held'),
        ),
      );
      const free = await Promise.all([
        runThrough(a, a, chain(1, 300), 'free'),
        runThrough(b, b, chain(1, 300), 'free'),
      ]);
      await eventually(() => allCompleted([...held, ...free]), 60_000, 250);
      const journals = async (ids: readonly string[]) =>
        Promise.all(ids.map((id) => cluster.store.listEvents(id)));
      const heldJournals = await journals(held);
      const freeJournals = await journals(free);
      const wasQueued = (events: readonly ExecutionEvent[]) =>
        events.some((event) => event.event_type === 'execution_queued');

      const heldIntervals = heldJournals.map(executedDuring);
      expect(mostAtOnce(heldIntervals)).toBe(PER_TENANT);
      expect(heldJournals.filter(wasQueued).length).toBeGreaterThan(0);
      // The other tenant's runs neither waited for a slot nor behind the held tenant's line.
      expect(freeJournals.filter(wasQueued)).toEqual([]);
      const lastHeldStart = Math.max(...heldIntervals.map(({ from }) => from));
      for (const { from } of freeJournals.map(executedDuring)) {
        expect(from).toBeLessThan(lastHeldStart);
      }
    }, 90_000);

    it('completes every run of a worker killed mid-run, each completed step once', async () => {
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          index % 2 === 0 ? runThrough(a, b, chain(5, 300)) : runThrough(b, a, chain(5, 300)),
        ),
      );
      const victim = workers[0]!;
      // Once the victim has completed a step of some run (so it holds runs mid-way).
      await eventually(async () => {
        for (const id of ids) {
          for (const pids of (await stepPids(id)).values())
            if (pids.includes(victim.pid)) return true;
        }
        return false;
      }, 20_000);
      await cluster.kill(victim);
      const replacement = await cluster.start('worker');
      workers = [workers[1]!, replacement];
      await eventually(() => allCompleted(ids), 90_000, 250);
      let takenOver = 0;
      for (const id of ids) {
        const pids = await stepPids(id);
        expect([...pids.keys()].sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        for (const completions of pids.values()) expect(completions).toHaveLength(1);
        const ran = new Set([...pids.values()].map((completions) => completions[0]));
        if (ran.has(victim.pid) && ran.size > 1) takenOver += 1;
      }
      expect(takenOver).toBeGreaterThan(0);
    }, 150_000);

    it('fires a 1-second schedule exactly once per tick across the cluster for 10 s', async () => {
      const saved = await call(a, 'POST', '/editor/save', {
        name: 'every second',
        workflow_data: {
          nodes: [
            {
              id: 'tick',
              type: 'schedule_trigger',
              data: { parameters: { cron: '* * * * * *' } },
            },
            { id: 'p1', type: 'probe' },
          ],
          edges: [{ id: 'e1', source: 'tick', target: 'p1' }],
        },
      });
      expect(saved.status).toBe(200);
      const workflowId = saved.body.workflow_id as string;
      const activated = await call(a, 'POST', `/workflows/${workflowId}/activate`);
      expect(activated.status).toBe(200);
      // Both servers arm it (B within its 1 s sync); let it tick for 10 s.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      expect((await call(b, 'POST', `/workflows/${workflowId}/deactivate`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const { instances } = await cluster.store.listInstanceSummaries({
        workflow_id: workflowId,
        limit: 100,
      });
      const runs = await Promise.all(
        instances.map(({ instance_id }) => cluster.store.getInstance(instance_id)),
      );
      const ticks = runs
        .map((run) => Date.parse(String(run?.input_data?.scheduled_at)))
        .sort((x, y) => x - y);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.length).toBeGreaterThanOrEqual(9);
      for (let index = 1; index < ticks.length; index += 1) {
        expect(ticks[index]! - ticks[index - 1]!).toBe(1_000);
      }
    }, 60_000);
  });
}
