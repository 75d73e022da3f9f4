import {
  ErrorCode,
  type ExecutionEngine,
  type InstanceStatus,
  toFlowloomError,
  type WorkflowStore,
} from '@flowloom/core';

/** How many instances one store read lists. */
const PAGE_SIZE = 100;

/** The most a resume waits for a free run slot before trying again. */
const SLOT_WAIT_MS = 1_000;

/** What {@link resumeUnfinishedRuns} reports. */
export interface ResumeReport {
  /** Runs resumed (or, for a journal that had already ended, whose record was corrected). */
  resumed: number;
}

/**
 * Resumes every run a previous process left unfinished: instances whose record says `running`
 * (the process was killed) or `interrupted` (it shut down), read from the store page by page.
 * A run that can't be resumed is logged and left as it is; nothing here throws.
 *
 * @remarks Meant for the only process on a store, at its start: a run another live process is
 * executing would be executed twice.
 */
export async function resumeUnfinishedRuns(
  engine: ExecutionEngine,
  store: WorkflowStore,
  logger: { warn(message: string): void },
  isClosing: () => boolean,
): Promise<ResumeReport> {
  // Every id first: resuming changes statuses, which would shift the pages still to be read.
  const ids: string[] = [];
  for (const status of ['interrupted', 'running'] satisfies InstanceStatus[]) {
    try {
      ids.push(...(await listIds(store, status)));
    } catch (error) {
      if (isClosing()) return { resumed: 0 };
      logger.warn(
        `[flowloom] Could not list the ${status} runs to resume: ${toFlowloomError(error).message}`,
      );
    }
  }
  let resumed = 0;
  for (const instanceId of new Set(ids)) {
    if (isClosing()) break;
    try {
      await resumeWhenASlotIsFree(engine, instanceId, isClosing);
      resumed += 1;
    } catch (error) {
      if (isClosing()) break;
      logger.warn(
        `[flowloom] Could not resume run ${instanceId}: ${toFlowloomError(error).message}`,
      );
    }
  }
  return { resumed };
}

async function listIds(store: WorkflowStore, status: InstanceStatus): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { instances } = await store.listInstances({ status, limit: PAGE_SIZE, offset });
    ids.push(...instances.map((instance) => instance.instance_id));
    if (instances.length < PAGE_SIZE) return ids;
  }
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
