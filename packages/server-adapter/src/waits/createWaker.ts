import {
  ErrorCode,
  type ExecutionEngine,
  toFlowloomError,
  type WorkflowRunner,
  type WorkflowStore,
} from '@flowloom/core';
import { WakeBackoff } from './WakeBackoff';

/** Options of {@link createWaker}. */
export interface WakerOptions {
  /** Whose clock says which runs are due. */
  engine: ExecutionEngine;
  /**
   * What wakes a run.
   * @default the engine
   */
  runner?: Pick<WorkflowRunner, 'wake'>;
  store: WorkflowStore;
  /**
   * How often the store is asked for waiting runs whose time came.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Wakes under way at once: a slow one holds one place, never the others'.
   * @default 10
   */
  concurrency?: number;
  /** Where failures to wake a run go. */
  logger: { warn(message: string): void };
}

/** The server's waker: continues waiting runs once their wake time has come. */
export interface Waker {
  /** Starts polling (an unref'd timer: it never keeps the process alive). */
  start(): void;
  /** Wakes every run due now, page by page; resolves with how many it woke. */
  wakeDue(): Promise<number>;
  /** Stops polling and waits for the pass and the wakes in progress. */
  stop(): Promise<void>;
}

/** Runs one listing brings; the pass lists again for the rest. */
const PAGE_SIZE = 100;
/** The most a store lists at once (runs skipped at the head of the list included). */
const MAX_LISTING = 1_000;

type WakeOutcome = 'woken' | 'skipped' | 'full' | 'failed';

/**
 * Makes the waker: every `intervalMs` it lists the waiting runs due by the engine's clock
 * (`store.listDueWaits`) and wakes them through `engine.wakeWorkflow` (or the `runner`), up to
 * `concurrency` at once. A slow wake holds only its own place and the next tick goes on with
 * the others; a run whose wake fails is paused before it is tried again (1 s, doubling up to
 * 5 minutes; see `WakeBackoff`), so it never stands at the head of every pass. Nothing of a
 * waiting run lives in a process: whichever server is up when a run is due (a restarted one
 * included) wakes it.
 *
 * @remarks Several servers sharing a store may each try to wake a due run: the store moves a
 * run from `waiting` to `running` in one write (`claimWaiting`), so exactly one continues it and
 * the others are told `CONFLICT`, which the waker skips quietly.
 */
export function createWaker(options: WakerOptions): Waker {
  const { engine, store, logger } = options;
  const wake = (instanceId: string) =>
    options.runner ? options.runner.wake(instanceId) : engine.wakeWorkflow(instanceId);
  const intervalMs = options.intervalMs ?? 1_000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 10));
  const backoff = new WakeBackoff();
  /** The wakes under way, by run. */
  const inFlight = new Map<string, Promise<WakeOutcome>>();
  /** Passes waiting for a free place. */
  const waiters: Array<() => void> = [];
  let timer: ReturnType<typeof setInterval> | undefined;
  let listing: Promise<unknown> | undefined;
  let stopped = false;
  /** The engine said it runs all it can: the pass under way launches no more (the next tick does). */
  let full = false;

  const wakeOne = async (instanceId: string): Promise<WakeOutcome> => {
    try {
      await wake(instanceId);
      backoff.cleared(instanceId);
      return 'woken';
    } catch (error) {
      const { code, message } = toFlowloomError(error);
      // Woken meanwhile (a resume request, another process), or the engine is closing.
      if (code === ErrorCode.CONFLICT || code === ErrorCode.SHUTTING_DOWN) {
        backoff.cleared(instanceId);
        return 'skipped';
      }
      if (code === ErrorCode.TOO_MANY_RUNS) {
        full = true;
        return 'full';
      }
      // Pauses are real time (the failure may be the database's), not the engine's wake clock.
      const pauseMs = backoff.failed(instanceId, Date.now());
      logger.warn(
        `[flowloom] Could not wake waiting run ${instanceId}: ${message} (next try in ${pauseMs} ms)`,
      );
      return 'failed';
    }
  };

  const launch = (instanceId: string): Promise<WakeOutcome> => {
    const woken = wakeOne(instanceId).finally(() => {
      inFlight.delete(instanceId);
      waiters.shift()?.();
    });
    inFlight.set(instanceId, woken);
    return woken;
  };

  /** Resolves once a place is free (or the waker stops). */
  const place = async (): Promise<void> => {
    while (!stopped && inFlight.size >= concurrency) {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };

  /** Lists the runs due page by page and launches their wakes; returns them, not awaited. */
  const pass = async (): Promise<Array<Promise<WakeOutcome>>> => {
    const launched: Array<Promise<WakeOutcome>> = [];
    const tried = new Set<string>();
    full = false;
    backoff.prune(Date.now());
    while (!stopped && !full) {
      const nowMs = engine.now();
      const skippable = tried.size + inFlight.size + backoff.size;
      const due = (
        await store.listDueWaits({
          now: new Date(nowMs).toISOString(),
          limit: Math.min(MAX_LISTING, PAGE_SIZE + skippable),
        })
      ).filter(
        ({ instance_id: id }) =>
          !tried.has(id) && !inFlight.has(id) && !backoff.holds(id, Date.now()),
      );
      if (due.length === 0) break;
      for (const { instance_id } of due) {
        await place();
        if (stopped || full) return launched;
        tried.add(instance_id);
        launched.push(launch(instance_id));
      }
    }
    return launched;
  };

  const tick = (): void => {
    if (listing) return;
    listing = pass()
      .catch((error: unknown) => {
        logger.warn(
          `[flowloom] Could not list the waiting runs due: ${toFlowloomError(error).message}`,
        );
      })
      .finally(() => {
        listing = undefined;
      });
  };

  return {
    start() {
      if (timer || stopped) return;
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    async wakeDue() {
      const outcomes = await Promise.all(await pass());
      return outcomes.filter((outcome) => outcome === 'woken').length;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      for (const release of waiters.splice(0)) release();
      await listing;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
