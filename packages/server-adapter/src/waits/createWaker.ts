import {
  ErrorCode,
  type ExecutionEngine,
  toFlowloomError,
  type WorkflowStore,
} from '@flowloom/core';

/** Options of {@link createWaker}. */
export interface WakerOptions {
  engine: ExecutionEngine;
  store: WorkflowStore;
  /**
   * How often the store is asked for waiting runs whose time came.
   * @default 1000
   */
  intervalMs?: number;
  /** Where failures to wake a run go. */
  logger: { warn(message: string): void };
}

/** The server's waker: continues waiting runs once their wake time has come. */
export interface Waker {
  /** Starts polling (an unref'd timer: it never keeps the process alive). */
  start(): void;
  /** Wakes every run due now, page by page; resolves with how many it woke. */
  wakeDue(): Promise<number>;
  /** Stops polling and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Runs one pass wakes at most; the next pass takes the rest. */
const PAGE_SIZE = 100;

/**
 * Makes the waker: every `intervalMs` it lists the waiting runs due by the engine's clock
 * (`store.listDueWaits`) and wakes each through `engine.wakeWorkflow`. Nothing of a waiting run
 * lives in a process: whichever server is up when a run is due (a restarted one included)
 * wakes it.
 *
 * @remarks One process per store, as `resumeOnStart` assumes. Several servers sharing a store
 * would each try to wake a due run; the engine's claim and the status check keep that to one
 * wake per process, and a cluster-wide lease (claimed in `wakeOne`, before the engine is asked)
 * is where several processes would be kept apart.
 */
export function createWaker(options: WakerOptions): Waker {
  const { engine, store, logger } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  let timer: ReturnType<typeof setInterval> | undefined;
  let pass: Promise<number> | undefined;
  let stopped = false;

  const wakeOne = async (instanceId: string): Promise<'woken' | 'skipped' | 'full'> => {
    try {
      await engine.wakeWorkflow(instanceId);
      return 'woken';
    } catch (error) {
      const { code, message } = toFlowloomError(error);
      // Woken meanwhile (a resume request, another pass), or the engine is closing.
      if (code === ErrorCode.CONFLICT || code === ErrorCode.SHUTTING_DOWN) return 'skipped';
      if (code === ErrorCode.TOO_MANY_RUNS) return 'full';
      logger.warn(`[flowloom] Could not wake waiting run ${instanceId}: ${message}`);
      return 'skipped';
    }
  };

  const wakeDue = async (): Promise<number> => {
    let woken = 0;
    const tried = new Set<string>();
    while (!stopped) {
      const now = new Date(engine.now()).toISOString();
      const due = (await store.listDueWaits({ now, limit: PAGE_SIZE })).filter(
        (wait) => !tried.has(wait.instance_id),
      );
      if (due.length === 0) return woken;
      for (const { instance_id } of due) {
        if (stopped) return woken;
        tried.add(instance_id);
        const outcome = await wakeOne(instance_id);
        if (outcome === 'full') return woken;
        if (outcome === 'woken') woken += 1;
      }
    }
    return woken;
  };

  const tick = (): void => {
    if (pass) return;
    pass = wakeDue()
      .catch((error: unknown) => {
        logger.warn(
          `[flowloom] Could not list the waiting runs due: ${toFlowloomError(error).message}`,
        );
        return 0;
      })
      .finally(() => {
        pass = undefined;
      });
  };

  return {
    start() {
      if (timer || stopped) return;
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    wakeDue: () => wakeDue(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await pass;
    },
  };
}
