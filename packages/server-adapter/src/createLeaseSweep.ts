import { type ExecutionEngine, toFlowloomError, type WorkflowStore } from '@flowloom/core';
import { type ResumeReport, resumeUnfinishedRuns } from './resumeUnfinishedRuns';

/** Options of {@link createLeaseSweep}. */
export interface LeaseSweepOptions {
  engine: ExecutionEngine;
  store: WorkflowStore;
  logger: { warn(message: string): void };
  /** Whether the server is closing: a pass stops at its next run. */
  isClosing: () => boolean;
  /**
   * How often the store is asked for runs whose process died (their lease expired); `false`
   * for the start-up pass only.
   * @default the engine's `leaseMs`
   */
  intervalMs?: number | false;
}

/** The server's takeover of orphaned runs: at start, then every `intervalMs`. */
export interface LeaseSweep {
  /**
   * Starts the timer (unref'd) and, a microtask later, the start-up pass; resolves with that
   * pass's report.
   */
  start(): Promise<ResumeReport>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Makes the sweep that takes over runs left unfinished: the start-up pass (`resumeOnStart`)
 * and, every `intervalMs`, another, which resumes the runs of processes that died since (once
 * their leases expire). Any number of servers may sweep one store: each run is claimed by one.
 */
export function createLeaseSweep(options: LeaseSweepOptions): LeaseSweep {
  const { engine, store, logger, isClosing } = options;
  const intervalMs = options.intervalMs ?? engine.leaseMs;
  // Warned about once: a run that can't be resumed is tried again quietly on later passes.
  const unresumable = new Set<string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let pass: Promise<ResumeReport> | undefined;
  let stopped = false;

  const sweep = (): Promise<ResumeReport> => {
    pass ??= resumeUnfinishedRuns({
      engine,
      store,
      logger,
      isClosing: () => stopped || isClosing(),
      unresumable,
    })
      .catch((error: unknown) => {
        logger.warn(
          `[flowloom] Taking over unfinished runs failed: ${toFlowloomError(error).message}`,
        );
        return { resumed: 0 };
      })
      .finally(() => {
        pass = undefined;
      });
    return pass;
  };

  return {
    start() {
      if (intervalMs !== false && !stopped && timer === undefined) {
        timer = setInterval(() => void sweep(), Math.max(1, intervalMs));
        timer.unref?.();
      }
      // In the background, once the caller's synchronous set-up (mounting the server) is done.
      return Promise.resolve().then(sweep);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await pass;
    },
  };
}
