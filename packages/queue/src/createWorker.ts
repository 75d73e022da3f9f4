import { hostname } from 'node:os';
import {
  type ComponentRegistry,
  componentRegistry,
  ExecutionEngine,
  type ExecutionEngineOptions,
  type NetworkOptionsInput,
  type WorkflowLimitsInput,
  type WorkflowStore,
} from '@flowloom/core';
import { DelayedError, Worker } from 'bullmq';
import { listenForCommands } from './listenForCommands';
import { observeQueueMetrics, type QueueMetricsRegistry } from './observeQueueMetrics';
import { processRunJob, type RunJobHost } from './processRunJob';
import { checkQueueName, DEFAULT_QUEUE_NAME, queueKeys } from './queueKeys';
import { RunJobQueue } from './RunJobQueue';
import { closeRedis, openRedis, type RedisConnection } from './redisConnection';
import { RunJobSchema } from './runJobs';
import { startOrphanSweep } from './startOrphanSweep';
import { WorkerEvents } from './WorkerEvents';
import { workerConcurrencyGate } from './workerConcurrencyGate';

/** Engine options a worker passes through as given (the rest it sets itself). */
export type WorkerEngineOptions = Omit<
  ExecutionEngineOptions,
  'registry' | 'store' | 'limits' | 'network' | 'ownerId' | 'leaseMs'
>;

/** Options of {@link createWorker}. */
export interface QueueWorkerOptions {
  /**
   * The components runs may use (the same as the API servers').
   * @default componentRegistry
   */
  registry?: ComponentRegistry;
  /** The store every API server and worker shares (PostgreSQL in a cluster). */
  store: WorkflowStore;
  /** Where Redis is: a URL or ioredis options. The worker opens its own connections. */
  connection: RedisConnection;
  /**
   * Jobs (so runs) this worker executes at once.
   * @default 10
   */
  concurrency?: number;
  /**
   * The BullMQ queue to take jobs from: the API servers' `createQueueRunner` names the same.
   * @default 'flowloom-runs'
   */
  queueName?: string;
  /** What workflows may reach over the network (see `ExecutionEngineOptions.network`). */
  network?: NetworkOptionsInput;
  /**
   * Bounds on what runs may do; `maxConcurrentRunsPerTenant` and `maxConcurrentRunsPerWorkflow`
   * hold across every worker (a Redis-backed gate).
   */
  limits?: WorkflowLimitsInput;
  /**
   * How long a run's lease (and its job's lock) lasts unless renewed. A worker that dies has
   * its runs taken over by another once it has passed.
   * @default 30000
   */
  leaseMs?: number;
  /**
   * Who this worker is in the store's run leases; unique per process.
   * @default `worker:<hostname>:<pid>:<random>`
   */
  ownerId?: string;
  /**
   * More engine options: on Node, give it what `createWorkflowServer` gives its own engine,
   * `fetch: createGuardedNodeFetch(network)` (DNS-checked), `sandbox: createCodeSandbox()`,
   * `credentials: createCredentialResolver(...)`, `workflows: createWorkflowLoader(...)`, all
   * from `@flowloom/server-adapter`.
   */
  engine?: WorkerEngineOptions;
  /**
   * A prom-client registry to record `flowloom_queue_job_latency_seconds` in (see
   * `observeQueueMetrics`); the host serves it.
   */
  metricsRegistry?: QueueMetricsRegistry;
  /**
   * Where failures that reach no caller are reported.
   * @default console
   */
  logger?: { warn(message: string): void };
}

/** Options of {@link QueueWorker.close}. */
export interface WorkerCloseOptions {
  /**
   * How long running steps may take to finish before their runs are interrupted and handed to
   * the other workers.
   * @default 10000
   */
  graceMs?: number;
}

/** A running worker. */
export interface QueueWorker {
  /** The engine executing this worker's runs. */
  readonly engine: ExecutionEngine;
  /** Who this worker is in the store's run leases. */
  readonly ownerId: string;
  /** Settles once the worker listens for commands and takes jobs. */
  readonly ready: Promise<void>;
  /**
   * Stops taking jobs, lets running steps finish for up to `graceMs`, then interrupts the
   * runs left: each goes back to the queue as a `resume` job another worker takes (from the
   * journal: finished steps are not run again). Closes its connections. Safe to call twice.
   */
  close(options?: WorkerCloseOptions): Promise<void>;
}

/**
 * Starts a worker process's part of queue mode at once: it takes the jobs API servers queue
 * (`createQueueRunner`), executes the runs on its own engine under a store lease, publishes
 * every event to Redis in order, follows stop commands, and wakes durable waits through delayed
 * jobs. Run as many as you like, on as many machines.
 *
 * @example
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 * const worker = createWorker({ registry, store, connection: process.env.REDIS_URL!, concurrency: 20 });
 * process.once('SIGTERM', () => void worker.close({ graceMs: 25_000 }).then(() => process.exit(0)));
 * @remarks A worker killed outright (SIGKILL, a lost machine) leaves its jobs stalled: BullMQ
 * gives them to another worker after `leaseMs`, which resumes each run from its journal once the
 * dead worker's lease has expired. A step that was in flight runs again (at-least-once: see
 * `context.idempotency_key`).
 */
export function createWorker(options: QueueWorkerOptions): QueueWorker {
  const queueName = checkQueueName(options.queueName ?? DEFAULT_QUEUE_NAME);
  const logger = options.logger ?? console;
  const report = (message: string) => logger.warn(message);
  const keys = queueKeys(queueName);
  const leaseMs = options.leaseMs ?? 30_000;
  const ownerId =
    options.ownerId ??
    `worker:${hostname()}:${process.pid}:${globalThis.crypto.randomUUID().slice(0, 8)}`;
  const { store } = options;
  const redis = openRedis(options.connection, 'flowloom-worker');
  const subscriber = openRedis(options.connection, 'flowloom-worker-commands');
  const jobs = new RunJobQueue(queueName, redis);
  // The host's own gate is the host's to close; the one made here is closed with the worker.
  const ownGate = options.engine?.concurrencyGate
    ? undefined
    : workerConcurrencyGate({
        connection: options.connection,
        limits: options.limits,
        queueName,
        leaseMs,
      });
  const concurrencyGate = options.engine?.concurrencyGate ?? ownGate;
  const engine = new ExecutionEngine({
    ...options.engine,
    registry: options.registry ?? componentRegistry,
    store,
    limits: options.limits,
    network: options.network,
    ownerId,
    leaseMs,
    ...(concurrencyGate ? { concurrencyGate } : {}),
  });
  const events = new WorkerEvents(engine, redis, keys, jobs, report);
  const commands = listenForCommands(subscriber, keys.commands, engine, report);
  const host: RunJobHost = {
    engine,
    store,
    redis,
    keys,
    recheckMs: Math.min(1_000, leaseMs / 2),
    report,
  };
  const metrics = options.metricsRegistry && observeQueueMetrics(options.metricsRegistry);
  const worker = new Worker(
    queueName,
    async (job, token) => {
      const data = RunJobSchema.parse(job.data);
      // A job looked at again later (`moveToDelayed`) counts once, from its acceptance.
      if (job.attemptsStarted <= 1)
        metrics?.observeJobLatency((Date.now() - data.accepted_at) / 1_000);
      const outcome = await processRunJob(host, data);
      if (outcome.retryInMs === undefined) return;
      // Looked at again later, without counting as a failed attempt.
      await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
      throw new DelayedError();
    },
    {
      connection: redis,
      concurrency: options.concurrency ?? 10,
      // A job whose worker died goes to another once its lock expires, as the run's lease does.
      lockDuration: leaseMs,
      stalledInterval: leaseMs,
      // A stalled job is a worker that died: taking it over is the normal course, not a fault.
      maxStalledCount: 1_000,
    },
  );
  worker.on('error', (error) => report(`[flowloom] Queue worker error: ${error.message}`));
  const sweep = startOrphanSweep({ engine, store, ownerId, leaseMs, report });
  let closing: Promise<void> | undefined;
  return {
    engine,
    ownerId,
    ready: Promise.all([commands.ready, worker.waitUntilReady()]).then(() => undefined),
    close: (closeOptions = {}) => {
      closing ??= (async () => {
        sweep.stop();
        // Both at once: the worker waits for its active jobs, which end as the engine
        // interrupts their runs after the grace period.
        const workerClosed = worker.close();
        await Promise.all([workerClosed, engine.close({ graceMs: closeOptions.graceMs })]);
        await sweep.settled();
        await events.close();
        await jobs.close();
        await Promise.all([closeRedis(subscriber), closeRedis(redis)]);
        await ownGate?.close();
      })();
      return closing;
    },
  };
}
