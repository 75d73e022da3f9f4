import {
  ErrorCode,
  FlowloomError,
  type PruneInstancesOptions,
  type WorkflowStore,
} from '@flowloom/core';
import { z } from 'zod';
import type { ErrorReporter } from '../http/errorResponse';

/** Runs deleted per store call (one transaction): small enough never to hold the store long. */
export const PRUNE_BATCH_SIZE = 500;

/** Workflow ids read per store call while retention walks the workflows. */
const WORKFLOWS_PER_PAGE = 100;

/** An hour: how often retention sweeps by default. */
const DEFAULT_SWEEP_INTERVAL_MS = 3_600_000;

const RetentionOptionsSchema = z.strictObject({
  finishedRunsMaxAgeMs: z.number().int().min(0).optional(),
  maxRunsPerWorkflow: z.number().int().min(0).optional(),
  auditMaxAgeMs: z.number().int().min(0).optional(),
  sweepIntervalMs: z.number().int().min(1000).max(2_147_483_647).optional(),
});

/** How long finished runs are kept: by age, by count per workflow, or both. */
export interface RetentionOptions {
  /** Finished runs (completed, failed, cancelled) are deleted this long after they finished. */
  finishedRunsMaxAgeMs?: number;
  /** Each saved workflow keeps its newest this many finished runs; older ones are deleted. */
  maxRunsPerWorkflow?: number;
  /**
   * Audit-log entries are deleted this long after they were recorded. Without it the log is
   * kept whole: whether an audit trail may be trimmed is the host's decision.
   */
  auditMaxAgeMs?: number;
  /**
   * How often the sweep runs, in milliseconds (at least 1000); the first runs at start.
   * @default 3600000 (an hour)
   */
  sweepIntervalMs?: number;
}

/** What one sweep deleted: finished runs, and audit-log entries. */
export interface PruneResult {
  deleted: number;
  audit_deleted: number;
}

/** Deletes finished runs (and old audit entries) past the retention bounds, now and periodically. */
export interface RunRetention {
  /** Deletes what is past the bounds, batch by batch; resolves with how many of each. */
  prune(): Promise<PruneResult>;
  /** Starts the periodic sweep (a timer that never keeps the process alive); idempotent. */
  start(): void;
  /** Stops the sweep and waits for a prune under way, which stops after its current batch. */
  stop(): Promise<void>;
}

/**
 * Checks retention options, before any store is opened.
 *
 * @throws FlowloomError `VALIDATION_FAILED` naming every bad option.
 */
export function parseRetentionOptions(options: RetentionOptions | undefined): RetentionOptions {
  const parsed = RetentionOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: ['retention', ...issue.path].join('.'),
    message: issue.message,
  }));
  throw new FlowloomError(
    ErrorCode.VALIDATION_FAILED,
    `Invalid retention options: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * Retention of finished runs: `prune()` deletes them in batches of {@link PRUNE_BATCH_SIZE},
 * yielding to the event loop between batches, so even a backlog of millions never blocks the
 * server for longer than one batch; `start()` sweeps at start and then every `sweepIntervalMs`.
 * Without a bound it deletes nothing and never sweeps.
 *
 * @remarks `maxRunsPerWorkflow` is applied one workflow at a time (`listRunWorkflowIds`, then
 * `pruneInstances({ workflowId, keepPerWorkflow })` batch by batch), so each batch costs an index
 * range of one workflow, not a ranking of the whole run table. A run whose parent has not
 * finished is kept.
 */
export function createRunRetention(
  store: WorkflowStore,
  options: RetentionOptions,
  logger: ErrorReporter & { info(message: string): void },
): RunRetention {
  const { finishedRunsMaxAgeMs, maxRunsPerWorkflow, auditMaxAgeMs } = options;
  const interval = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const bounded =
    finishedRunsMaxAgeMs !== undefined ||
    maxRunsPerWorkflow !== undefined ||
    auditMaxAgeMs !== undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<PruneResult> | undefined;

  const pruneOnce = async (): Promise<PruneResult> => {
    let deleted = 0;
    let audit_deleted = 0;
    let calls = 0;
    /** One store call of at most a batch; every call but the first waits for the event loop. */
    const inTurn = async (call: () => Promise<number>) => {
      // Requests and runs go first: the next batch waits for the event loop to come round.
      if (calls++ > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      return stopped ? 0 : call();
    };
    const batch = async (options: Omit<PruneInstancesOptions, 'limit'>) => {
      const count = await inTurn(() =>
        store.pruneInstances({ ...options, limit: PRUNE_BATCH_SIZE }),
      );
      deleted += count;
      return count;
    };
    if (finishedRunsMaxAgeMs !== undefined) {
      const finishedBefore = new Date(Date.now() - finishedRunsMaxAgeMs).toISOString();
      // Batch after batch until one comes back short.
      while (!stopped && (await batch({ finishedBefore })) === PRUNE_BATCH_SIZE) {}
    }
    if (maxRunsPerWorkflow !== undefined) {
      // One workflow at a time: each call reads that workflow's newest runs off an index, never
      // the whole table.
      let after: string | undefined;
      while (!stopped) {
        const workflowIds = await store.listRunWorkflowIds({ after, limit: WORKFLOWS_PER_PAGE });
        for (const workflowId of workflowIds) {
          const options = { workflowId, keepPerWorkflow: maxRunsPerWorkflow };
          while (!stopped && (await batch(options)) === PRUNE_BATCH_SIZE) {}
        }
        if (workflowIds.length < WORKFLOWS_PER_PAGE) break;
        after = workflowIds.at(-1);
      }
    }
    if (auditMaxAgeMs !== undefined) {
      const before = new Date(Date.now() - auditMaxAgeMs).toISOString();
      const auditBatch = async () => {
        const count = await inTurn(() => store.pruneAudit({ before, limit: PRUNE_BATCH_SIZE }));
        audit_deleted += count;
        return count;
      };
      while (!stopped && (await auditBatch()) === PRUNE_BATCH_SIZE) {}
    }
    return { deleted, audit_deleted };
  };

  const prune = (): Promise<PruneResult> => {
    if (!bounded || stopped) return Promise.resolve({ deleted: 0, audit_deleted: 0 });
    // One prune at a time: a call during another shares it.
    running ??= pruneOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  const sweep = async () => {
    timer = undefined;
    try {
      const { deleted, audit_deleted } = await prune();
      if (deleted > 0) logger.info(`[flowloom] Retention deleted ${deleted} finished run(s).`);
      if (audit_deleted > 0) {
        logger.info(`[flowloom] Retention deleted ${audit_deleted} audit-log entries.`);
      }
    } catch (error) {
      logger.error('[flowloom] Deleting finished runs past retention failed', error);
    }
    schedule(interval);
  };

  const schedule = (delay: number) => {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(() => void sweep(), delay);
    // A sweep is no reason to keep the process alive.
    timer.unref?.();
  };

  return {
    prune,
    start: () => {
      if (bounded) schedule(0);
    },
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => {});
    },
  };
}
