import {
  type ComponentRegistry,
  componentRegistry,
  ErrorCode,
  type ExecuteOptions,
  ExecutionEngine,
  FlowloomError,
  type RunnerTickClaim,
  type StartedRun,
  triggerWorkflow,
  type WorkflowInstance,
  type WorkflowLimitsInput,
  type WorkflowRunner,
  type WorkflowStore,
} from '@flowloom/core';
import {
  checkResumable,
  checkResumableStep,
  checkRetryable,
  checkStartable,
  checkWaiting,
  loadInstance,
} from './acceptRules';
import { createRedisTickClaim } from './createRedisTickClaim';
import type { QueueCommand } from './queueCommands';
import { checkQueueName, DEFAULT_QUEUE_NAME, queueKeys } from './queueKeys';
import { RedisEventSource } from './RedisEventSource';
import { RunJobQueue } from './RunJobQueue';
import { closeRedis, openRedis, type RedisConnection } from './redisConnection';
import type { RunJob } from './runJobs';
import { stopThroughQueue } from './stopThroughQueue';
import { waitForRunEnd } from './waitForRunEnd';

/** Options of {@link createQueueRunner}. */
export interface QueueRunnerOptions {
  /** Where Redis is: a URL or ioredis options. The runner opens its own connections. */
  connection: RedisConnection;
  /** The store the workers share (PostgreSQL in a cluster): requests are checked against it. */
  store: WorkflowStore;
  /**
   * The BullMQ queue the jobs go to; the workers must name the same.
   * @default 'flowloom-runs'
   */
  queueName?: string;
  /**
   * Where triggered runs' instances are validated (the same components as the workers').
   * @default componentRegistry
   */
  registry?: ComponentRegistry;
  /** The limits triggered runs' instances are validated with (the workers' own). */
  limits?: WorkflowLimitsInput;
  /**
   * How long `stop` waits for the run to end before it answers `TIMEOUT` (408).
   * @default 30000
   */
  stopTimeoutMs?: number;
  /**
   * Where dropped messages and the like are reported.
   * @default console
   */
  logger?: { warn(message: string): void };
}

/** The queue runner: a {@link WorkflowRunner} whose runs execute in worker processes. */
export interface QueueRunner extends WorkflowRunner {
  /** Settles once the event channel is subscribed: wait for it before serving WebSockets. */
  readonly ready: Promise<void>;
  /** Fires each schedule tick once across every server sharing the queue. */
  readonly tickClaim: RunnerTickClaim;
  /** Jobs waiting for a worker (waiting and delayed): the queue depth. */
  depth(): Promise<number>;
}

/**
 * A runner for queue mode: `createWorkflowServer({ runner: createQueueRunner(...) })` makes an
 * API server that only accepts requests and serves WebSockets. Every execute, retry, resume,
 * wake, resume request and triggered run becomes a BullMQ job that a worker process
 * (`createWorker`) takes; a stop reaches the worker running the run; live events come from the
 * workers over Redis pub/sub (replay from the store).
 *
 * @example
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 * const runner = createQueueRunner({ connection: process.env.REDIS_URL!, store });
 * await runner.ready;
 * const server = createWorkflowServer({ store, runner });
 * @remarks A request is answered once its job is queued: the instance may still say `pending`
 * until a worker takes it. Close the server first, then the runner.
 */
export function createQueueRunner(options: QueueRunnerOptions): QueueRunner {
  const queueName = checkQueueName(options.queueName ?? DEFAULT_QUEUE_NAME);
  const logger = options.logger ?? console;
  const { store } = options;
  const keys = queueKeys(queueName);
  const redis = openRedis(options.connection, 'flowloom-runner');
  const subscriber = openRedis(options.connection, 'flowloom-runner-events');
  const jobs = new RunJobQueue(queueName, redis);
  const events = new RedisEventSource(subscriber, keys.events, (message) => logger.warn(message));
  const registry = options.registry ?? componentRegistry;
  // Creates instances for triggered runs (validated, planned once per version); runs nothing.
  const instances = new ExecutionEngine({ store, registry, limits: options.limits });
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  let closing: Promise<void> | undefined;

  const refuseWhenClosing = () => {
    if (closing) {
      throw new FlowloomError(
        ErrorCode.SHUTTING_DOWN,
        'The server is shutting down and accepts no new run; try again once it is back',
      );
    }
  };

  /**
   * Queues a request; `check` refuses it first when the instance is in no state for it. The
   * job id is the instance, the kind and the journal's last `seq` (plus `stepId`), so the same
   * request accepted twice is one job, and a later run's is another.
   */
  const accept = async (
    instanceId: string,
    check: (instance: WorkflowInstance) => void | Promise<void>,
    job: (afterSeq: number) => RunJob,
    how: { freshRun?: boolean; stepId?: string } = {},
  ): Promise<StartedRun> => {
    refuseWhenClosing();
    const instance = await loadInstance(store, instanceId);
    await check(instance);
    // A new run: a stop asked of an earlier one must not cancel it.
    if (how.freshRun) await redis.del(keys.stopFlag(instanceId));
    const afterSeq = await store.lastEventSeq(instanceId);
    const data = job(afterSeq);
    const discriminator =
      how.stepId === undefined ? afterSeq : `${afterSeq}.${encodeURIComponent(how.stepId)}`;
    if (!(await jobs.add(data, discriminator)) && data.kind !== 'wake') {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" has this request queued already; a worker takes it shortly`,
      );
    }
    return startedRun(instance, afterSeq);
  };

  /** The accepted run: `done` subscribes only when someone reads it. */
  const startedRun = (instance: WorkflowInstance, afterSeq: number): StartedRun => {
    let done: Promise<Awaited<StartedRun['done']>> | undefined;
    return {
      instance,
      get done() {
        done ??= waitForRunEnd(events, store, instance.instance_id, afterSeq);
        return done;
      },
    };
  };

  const common = (instanceId: string, afterSeq: number) => ({
    instance_id: instanceId,
    after_seq: afterSeq,
    accepted_at: Date.now(),
  });

  const start = async (
    instanceId: string,
    input_data: Record<string, unknown> = {},
    executeOptions: ExecuteOptions = {},
  ): Promise<StartedRun> =>
    accept(
      instanceId,
      (instance) => checkStartable(instance, executeOptions.until),
      (afterSeq) => ({
        kind: 'execute',
        ...common(instanceId, afterSeq),
        input_data,
        ...(executeOptions.variables ? { variables: executeOptions.variables } : {}),
        ...(executeOptions.until ? { until: executeOptions.until } : {}),
        ...(executeOptions.startAt ? { start_at: executeOptions.startAt } : {}),
      }),
      { freshRun: true },
    );

  return {
    ready: events.ready,
    tickClaim: createRedisTickClaim(redis, keys),
    depth: () => jobs.depth(),
    start,
    retry: (instanceId) =>
      accept(
        instanceId,
        checkRetryable,
        (afterSeq) => ({ kind: 'retry', ...common(instanceId, afterSeq) }),
        { freshRun: true },
      ),
    resume: (instanceId) =>
      accept(instanceId, checkResumable, (afterSeq) => ({
        kind: 'resume',
        ...common(instanceId, afterSeq),
      })),
    // The same id as the worker's own delayed wake-up for this wait: one wake, not two.
    wake: (instanceId) =>
      accept(instanceId, checkWaiting, (afterSeq) => ({
        kind: 'wake',
        ...common(instanceId, afterSeq),
      })),
    resumeWait: async (instanceId, stepId, data = {}) => {
      const started = await accept(
        instanceId,
        (instance) => checkResumableStep(store, instance, stepId),
        (afterSeq) => ({
          kind: 'resume_wait',
          ...common(instanceId, afterSeq),
          step_id: stepId,
          data,
        }),
        { stepId },
      );
      // A run executing other branches meanwhile is woken in place by its worker.
      const command: QueueCommand = {
        type: 'resume_wait',
        instance_id: instanceId,
        step_id: stepId,
        data,
      };
      if (started.instance.status !== 'waiting') {
        await redis.publish(keys.commands, JSON.stringify(command));
      }
      return started;
    },
    trigger: (workflowId, stepId, runInput = {}) => {
      refuseWhenClosing();
      return triggerWorkflow(
        {
          store,
          registry,
          createInstance: (input) => instances.createInstance(input),
          startWorkflow: (id, input, executeOptions) => start(id, input, executeOptions),
        },
        workflowId,
        stepId,
        runInput,
      );
    },
    stop: (instanceId, reason = 'Stopped by request') =>
      stopThroughQueue(
        { store, redis, keys, jobs, events, timeoutMs: stopTimeoutMs },
        instanceId,
        reason,
      ),
    isRunning: async (instanceId) => {
      const afterSeq = await store.lastEventSeq(instanceId);
      for (const kind of ['execute', 'retry', 'resume'] as const) {
        if (await jobs.isPending(instanceId, kind, afterSeq)) return true;
      }
      return false;
    },
    subscribe: (instanceId, listener) => events.subscribe(instanceId, listener),
    close: () => {
      closing ??= (async () => {
        await instances.close();
        await jobs.close();
        await Promise.all([closeRedis(subscriber), closeRedis(redis)]);
      })();
      return closing;
    },
  };
}
