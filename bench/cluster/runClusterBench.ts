// Queue mode's throughput and latency: runs/s of a 5-step workflow with 1, 2 and 4 worker
// processes, beside the in-process runner on the same PostgreSQL, and the queue latency
// (start requested → first step started), unloaded and under load. Needs PostgreSQL and Redis
// (DATABASE_URL, REDIS_URL; the local defaults otherwise); without them it says so and stops.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createInProcessRunner, ExecutionEngine } from '@flowloom/core';
import { createQueueRunner } from '@flowloom/queue';
import { PostgresStore } from '@flowloom/server-adapter';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { fiveStepWorkflow } from './fiveStepWorkflow';
import { type MeasuredRunner, measureRuns, type RunFigures } from './measureRuns';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Runs per throughput measurement, and how many are in flight at once. */
const RUNS = Number(process.env.CLUSTER_BENCH_RUNS ?? 400);
const IN_FLIGHT = 100;
/** Runs one after another for the unloaded latency. */
const SEQUENTIAL_RUNS = 40;
/** Jobs each worker runs at once. */
const WORKER_CONCURRENCY = 20;
const WORKER_COUNTS = [1, 2, 4];

const schema = `flowloom_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const queueName = `flowloom-bench-${randomUUID().slice(0, 8)}`;
const pool = new Pool({ connectionString: databaseUrl, max: 10 });

try {
  await pool.query('SELECT 1');
} catch (error) {
  console.log(
    `cluster bench skipped: no PostgreSQL at ${databaseUrl} (${(error as Error).message}); set DATABASE_URL and REDIS_URL`,
  );
  await pool.end();
  process.exit(0);
}

const probe = new Redis(redisUrl, {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
// Its refusal is the answer: not an unhandled error event.
probe.on('error', () => undefined);
try {
  await probe.connect();
  await probe.ping();
} catch (error) {
  console.log(
    `cluster bench skipped: no Redis at ${redisUrl} (${(error as Error).message}); set REDIS_URL`,
  );
  await pool.end();
  process.exit(0);
} finally {
  probe.disconnect();
}

const store = new PostgresStore({ pool, schema });
await store.migrate();
// Room for every run in flight: the engine refuses runs past `maxConcurrentRuns`.
const engine = new ExecutionEngine({ store, limits: { maxConcurrentRuns: 1_000 } });

async function createInstances(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const instance = await engine.createInstance({
      name: 'bench',
      workflow_data: fiveStepWorkflow,
    });
    ids.push(instance.instance_id);
  }
  return ids;
}

/** Throughput under load, then the latency of runs started one at a time. */
async function measure(
  runner: MeasuredRunner,
): Promise<RunFigures & { idleP50: number; idleP99: number }> {
  // A few runs first: connections opened, plans cached, code warm.
  await measureRuns(runner, await createInstances(20), 10);
  const loaded = await measureRuns(runner, await createInstances(RUNS), IN_FLIGHT);
  const idle = await measureRuns(runner, await createInstances(SEQUENTIAL_RUNS), 1);
  return { ...loaded, idleP50: idle.latencyP50, idleP99: idle.latencyP99 };
}

function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./benchWorker.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        BENCH_SCHEMA: schema,
        BENCH_QUEUE: queueName,
        BENCH_CONCURRENCY: String(WORKER_CONCURRENCY),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"ready"')) resolve(child);
    });
  });
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

const rows: Array<{ setup: string } & Awaited<ReturnType<typeof measure>>> = [];
try {
  rows.push({ setup: 'in-process runner', ...(await measure(createInProcessRunner(engine))) });
  const runner = createQueueRunner({ connection: redisUrl, store, queueName });
  await runner.ready;
  try {
    for (const count of WORKER_COUNTS) {
      const workers = await Promise.all(Array.from({ length: count }, () => startWorker()));
      try {
        const setup = `queue, ${count} worker${count === 1 ? '' : 's'}`;
        rows.push({ setup, ...(await measure(runner)) });
      } finally {
        await stopWorkers(workers);
      }
    }
  } finally {
    await runner.close();
  }
} finally {
  await engine.close();
  const queue = new Queue(queueName, { connection: { url: redisUrl } });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `\nQueue mode (bench/cluster): a 5-step workflow, ${RUNS} runs with ${IN_FLIGHT} in flight, ` +
    `PostgreSQL + Redis on this machine (${cpus().length} cores); workers run ${WORKER_CONCURRENCY} jobs each.`,
);
console.log(
  '| setup | runs/s | latency p50 / p99, unloaded | latency p50 / p99, under load |\n|---|---|---|---|',
);
for (const row of rows) {
  console.log(
    `| ${row.setup} | ${row.runsPerSecond.toFixed(0)} | ${ms(row.idleP50)} / ${ms(row.idleP99)} | ${ms(row.latencyP50)} / ${ms(row.latencyP99)} |`,
  );
}
console.log("(latency: start requested → first step started, from the events' timestamps)");
