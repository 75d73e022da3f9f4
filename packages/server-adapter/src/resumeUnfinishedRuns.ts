import {
  ErrorCode,
  type ExecutionEngine,
  toFlowloomError,
  type WorkflowStore,
} from '@flowloom/core';

/** How many runs one claim takes: small, so runs spread over the processes claiming at once. */
const CLAIM_SIZE = 10;

/** The most a resume waits for a free run slot before trying again. */
const SLOT_WAIT_MS = 1_000;

/** What {@link resumeUnfinishedRuns} reports. */
export interface ResumeReport {
  /** Runs resumed (or, for a journal that had already ended, whose record was corrected). */
  resumed: number;
}

/** What a pass of {@link resumeUnfinishedRuns} needs. */
export interface ResumePass {
  engine: ExecutionEngine;
  store: WorkflowStore;
  logger: { warn(message: string): void };
  isClosing: () => boolean;
  /**
   * Runs already reported as impossible to resume: a later pass tries them again, quietly.
   * @default a set of this pass only
   */
  unresumable?: Set<string>;
}

/**
 * Takes over and resumes the runs no live process executes: those left `running` (their process
 * died) or `interrupted` (it shut down) whose lease is absent or expired, claimed from the store
 * a few at a time (`claimOrphanedRuns`: several processes claiming at once never get the same
 * run) until none is left. A run that can't be resumed is logged and parked: it stays leased to
 * this engine for `leaseMs`, then is tried again (here or elsewhere). Nothing here throws.
 */
export async function resumeUnfinishedRuns(pass: ResumePass): Promise<ResumeReport> {
  const { engine, store, logger, isClosing } = pass;
  const unresumable = pass.unresumable ?? new Set<string>();
  const tried = new Set<string>();
  let resumed = 0;
  while (!isClosing()) {
    let claimed: string[];
    try {
      claimed = await store.claimOrphanedRuns(engine.ownerId, engine.leaseMs, CLAIM_SIZE);
    } catch (error) {
      if (!isClosing()) {
        logger.warn(
          `[flowloom] Could not claim the runs left unfinished: ${toFlowloomError(error).message}`,
        );
      }
      break;
    }
    // Only runs this pass tried already (parked again): the rest waits for the next pass.
    const fresh = claimed.filter((id) => !tried.has(id));
    if (fresh.length === 0) break;
    for (const [at, instanceId] of fresh.entries()) {
      if (isClosing()) {
        // Claimed but not begun: the next process takes them at once rather than after leaseMs.
        await letGo(engine, store, fresh.slice(at));
        break;
      }
      tried.add(instanceId);
      try {
        await resumeWhenASlotIsFree(engine, instanceId, isClosing);
        resumed += 1;
        unresumable.delete(instanceId);
      } catch (error) {
        if (isClosing()) {
          await letGo(engine, store, fresh.slice(at));
          break;
        }
        if (!unresumable.has(instanceId)) {
          logger.warn(
            `[flowloom] Could not resume run ${instanceId}: ${toFlowloomError(error).message}`,
          );
        }
        unresumable.add(instanceId);
        await park(engine, store, instanceId);
      }
    }
  }
  return { resumed };
}

/** Gives up the claims of runs this engine does not execute. */
async function letGo(engine: ExecutionEngine, store: WorkflowStore, ids: readonly string[]) {
  for (const id of ids) {
    if (engine.isRunning(id)) continue;
    await store.releaseRunLease(id, engine.ownerId).catch(() => {});
  }
}

/**
 * Holds a run that failed to resume for one lease period, so the claims that follow move on to
 * other runs instead of taking it again at once.
 */
async function park(engine: ExecutionEngine, store: WorkflowStore, id: string): Promise<void> {
  if (engine.isRunning(id)) return;
  await store.acquireRunLease(id, engine.ownerId, engine.leaseMs).catch(() => null);
}

/** Resumes one run; when the engine runs all it may at once, waits for one to end and retries. */
async function resumeWhenASlotIsFree(
  engine: ExecutionEngine,
  instanceId: string,
  isClosing: () => boolean,
): Promise<void> {
  for (;;) {
    try {
      await engine.resumeWorkflow(instanceId);
      return;
    } catch (error) {
      if (toFlowloomError(error).code !== ErrorCode.TOO_MANY_RUNS || isClosing()) throw error;
      await nextRunEnd(engine);
    }
  }
}

/** Resolves when a run of the engine ends, or after {@link SLOT_WAIT_MS}. */
function nextRunEnd(engine: ExecutionEngine): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const type of ENDING_EVENTS) engine.off(type, done);
      resolve();
    };
    const timer = setTimeout(done, SLOT_WAIT_MS);
    for (const type of ENDING_EVENTS) engine.once(type, done);
  });
}

const ENDING_EVENTS = [
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
  'execution_interrupted',
  'execution_waiting',
] as const;
