import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  builtinComponents,
  ComponentRegistry,
  defineComponent,
  ExecutionEngine,
  type WorkflowStore,
} from '@flowloom/core';
import { Pool } from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  completedSteps,
  executionLines,
  serverProcesses,
  tickChain,
} from './serverProcess.test-helpers';
import { PostgresStore } from './stores/PostgresStore';
import { SqliteStore } from './stores/SqliteStore';

// Several server processes on one store, as a cluster runs: every run left unfinished is taken
// over by exactly one of them, and a run whose process is killed is taken over once its lease
// expires, never while its process is alive.

const SCRIPT = fileURLToPath(new URL('./leaseTakeover.test-helpers.ts', import.meta.url));
const TICKS = ['tick1', 'tick2', 'tick3'];
const RUNS = 50;
const PROCESSES = 4;

/** manual trigger → three `tick` steps, of `ms` each (or of `ms[i]` for the i-th). */
function chain(ms: number | readonly number[]) {
  return tickChain(TICKS, (at) => (typeof ms === 'number' ? ms : ms[at]!));
}

const processes = serverProcesses('flowloom-lease-');

/** A server process on the store, and the lines it printed. */
function startProcess(storeSpec: string, mode: string, leaseMs: number) {
  const started = processes.start(SCRIPT, [storeSpec, processes.file('executions'), mode], {
    env: { LEASE_MS: String(leaseMs) },
    ipc: true,
    timeoutMs: 30_000,
  });
  let loaded = false;
  started.child.on('message', (message) => {
    if (message === 'loaded') loaded = true;
  });
  const whenLoaded = () =>
    vi.waitFor(
      () => {
        if (!loaded) throw new Error(`Not loaded yet; stderr: ${started.stderr()}`);
      },
      { timeout: 30_000, interval: 20 },
    );
  return { ...started, whenLoaded };
}

/** Every `tick` execution recorded: instance, step, pid, idempotency key. */
function executions(): Array<{ instance: string; step: string; pid: string; key: string }> {
  return executionLines(processes.file('executions')).map(([instance, step, pid, key]) => ({
    instance: instance!,
    step: step!,
    pid: pid!,
    key: key!,
  }));
}

/** A registry whose `tick` records its call as the test's own process, then holds until aborted. */
function holdingRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'tick',
        name: 'Tick',
        category: 'utilities',
        parameters: [{ name: 'ms', label: 'Milliseconds', type: 'number', default: 50 }],
        async execute({ signal }) {
          await new Promise<void>((_, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
          return { success: true, output_data: {} };
        },
      }),
    ],
  });
}

/** RUNS runs left `interrupted` by a process that shut down while each held its tick1. */
async function interruptedRuns(store: WorkflowStore): Promise<string[]> {
  const engine = new ExecutionEngine({ store, registry: holdingRegistry(), ownerId: 'first' });
  const ids: string[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const instance = await engine.createInstance({
      name: `run ${index}`,
      workflow_data: chain(20),
    });
    await engine.startWorkflow(instance.instance_id);
    ids.push(instance.instance_id);
  }
  await vi.waitFor(async () => {
    for (const id of ids) {
      const events = await store.listEvents(id);
      expect(events.some((event) => event.event_type === 'step_started')).toBe(true);
    }
  });
  await engine.close({ graceMs: 0 });
  for (const id of ids) expect((await store.getInstance(id))?.status).toBe('interrupted');
  return ids;
}

/** How many events of a type each run holds, and how often each step completed. */
async function journalCounts(store: WorkflowStore, id: string) {
  const events = await store.listEvents(id);
  return {
    resumed: events.filter((event) => event.event_type === 'execution_resumed').length,
    ended: events.filter((event) => event.event_type === 'execution_completed').length,
    completed: completedSteps(events),
    seqs: events.map((event) => event.seq),
  };
}

const ONCE_EACH = { start: 1, tick1: 1, tick2: 1, tick3: 1 };

function describeTakeover(
  name: string,
  open: () => Promise<{ spec: string; store: WorkflowStore }>,
) {
  describe(`run leases across processes (${name})`, { timeout: 120_000 }, () => {
    it(`resumes each of ${RUNS} interrupted runs exactly once with ${PROCESSES} processes racing`, async () => {
      const { spec, store } = await open();
      try {
        const ids = await interruptedRuns(store);
        const servers = Array.from({ length: PROCESSES }, () => startProcess(spec, 'sweep', 2_000));
        await Promise.all(servers.map((server) => server.whenLoaded()));
        for (const server of servers) server.child.send('go');
        await Promise.all(servers.map((server) => server.printed('READY ')));
        await vi.waitFor(
          async () => {
            for (const id of ids) expect((await store.getInstance(id))?.status).toBe('completed');
          },
          { timeout: 60_000, interval: 200 },
        );
        for (const id of ids) {
          const counts = await journalCounts(store, id);
          expect(counts).toMatchObject({ resumed: 1, ended: 1, completed: ONCE_EACH });
          expect(counts.seqs).toEqual(counts.seqs.map((_, index) => index + 1));
        }
        // Each tick of each run executed exactly once across the processes, tick1 included
        // (it was in flight at the shutdown: its attempt ran again, with the same key).
        const ran = executions();
        expect(ran).toHaveLength(RUNS * TICKS.length);
        const byStep = new Map<string, string[]>();
        for (const run of ran) {
          const key = `${run.instance} ${run.step}`;
          byStep.set(key, [...(byStep.get(key) ?? []), run.pid]);
        }
        expect(byStep.size).toBe(RUNS * TICKS.length);
        // A run executed in one process from its resume to its end.
        for (const id of ids) {
          const pids = new Set(ran.filter((run) => run.instance === id).map((run) => run.pid));
          expect(pids.size).toBe(1);
        }
        expect(ran.find((run) => run.step === 'tick1')?.key).toMatch(/:tick1:1$/);
        // Past 15 runs at once a process waits for a slot: more than one took runs over.
        expect(new Set(ran.map((run) => run.pid)).size).toBeGreaterThan(1);
        for (const server of servers) server.child.kill('SIGTERM');
        await Promise.all(servers.map((server) => server.exited));
      } finally {
        await store.close();
      }
    });

    it('takes a killed process’s run over only once its lease expired, without running completed steps again', async () => {
      const { spec, store } = await open();
      try {
        const leaseMs = 1_500;
        const engine = new ExecutionEngine({ store, registry: holdingRegistry() });
        const instance = await engine.createInstance({
          name: 'killed',
          workflow_data: chain([100, 6_000, 100]),
        });
        const id = instance.instance_id;
        // A process that sweeps every 100 ms, up while another one runs the run.
        const next = startProcess(spec, 'sweep', leaseMs);
        await next.whenLoaded();
        next.child.send('go');
        expect(await next.printed('READY ')).toBe('READY 0');
        const first = startProcess(spec, `start:${id}`, leaseMs);
        await first.printed('STARTED');
        await vi.waitFor(
          () => expect(executions().map((run) => run.step)).toEqual(['tick1', 'tick2']),
          { timeout: 20_000, interval: 10 },
        );
        // Alive, the first process keeps its lease: no takeover for longer than the lease.
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect((await journalCounts(store, id)).resumed).toBe(0);
        first.child.kill('SIGKILL');
        await first.exited;
        const killedAt = Date.now();

        await vi.waitFor(
          async () => expect((await store.getInstance(id))?.status).toBe('completed'),
          { timeout: 20_000, interval: 50 },
        );
        const events = await store.listEvents(id);
        const resumedAt = Date.parse(
          events.find((event) => event.event_type === 'execution_resumed')!.timestamp,
        );
        // Its last renewal was at most leaseMs / 3 before the kill.
        expect(resumedAt - killedAt).toBeGreaterThanOrEqual((leaseMs * 2) / 3 - 100);
        expect(await journalCounts(store, id)).toMatchObject({
          resumed: 1,
          ended: 1,
          completed: ONCE_EACH,
        });
        // tick1 completed before the kill and is not run again; tick2 (in flight) runs again
        // with the same key in the process that took over.
        const ran = executions();
        expect(ran.map((run) => run.step)).toEqual(['tick1', 'tick2', 'tick2', 'tick3']);
        expect(ran[1]!.key).toBe(ran[2]!.key);
        expect(new Set([ran[2]!.pid, ran[3]!.pid]).size).toBe(1);
        expect(ran[2]!.pid).not.toBe(ran[1]!.pid);
        next.child.kill('SIGTERM');
        expect(await next.exited).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}

describeTakeover('SQLite file', async () => {
  const file = processes.file('flowloom.db');
  return { spec: `sqlite:${file}`, store: new SqliteStore(file) };
});

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.warn(
    'Run lease takeover tests on PostgreSQL skipped: DATABASE_URL is unset (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).',
  );
  describe.skip('run leases across processes (PostgreSQL; skipped: DATABASE_URL is unset)', () => {
    it('resumes each interrupted run exactly once', () => {});
  });
} else {
  const schemas: string[] = [];
  afterAll(async () => {
    const pool = new Pool({ connectionString: databaseUrl });
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  describeTakeover('PostgreSQL', async () => {
    const schema = `flowloom_lease_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    schemas.push(schema);
    const store = new PostgresStore({ connectionString: databaseUrl, schema });
    await store.migrate();
    return { spec: `postgres:${schema}`, store };
  });
}
