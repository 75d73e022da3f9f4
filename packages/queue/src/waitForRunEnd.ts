import {
  ErrorCode,
  type ExecutionEvent,
  type ExecutionStatus,
  emptyExecutionStatus,
  readStoredStatus,
  type WorkflowStore,
} from '@flowloom/core';
import type { RedisEventSource } from './RedisEventSource';

/**
 * The events that end a run accepted through the queue, for whoever waits for it. An
 * `execution_interrupted` is not one: the worker shutting down hands the run back to the queue
 * and another worker goes on with it.
 */
export const RUN_ENDINGS: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
  'execution_waiting',
]);

/** The events after which a run is over for good: what a stop waits for. */
export const FINAL_ENDINGS: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

/** Options of {@link waitForRunEnd}. */
export interface WaitForRunEndOptions {
  /** @default RUN_ENDINGS */
  endings?: ReadonlySet<string>;
  /** Gives the wait up (the promise then never settles; its listener and timer are gone). */
  signal?: AbortSignal;
}

/** How often the store is read in case the ending event's message was lost. */
const POLL_MS = 2_000;

/**
 * Resolves with the run's state once it ends (or parks `waiting`) after `afterSeq`: on the
 * ending event's message, or, should that message be lost (its worker died between storing and
 * publishing it), on the store's journal, read every couple of seconds. Never rejects: a store
 * error while reading is retried at the next poll.
 */
export function waitForRunEnd(
  events: RedisEventSource,
  store: WorkflowStore,
  instanceId: string,
  afterSeq: number,
  options: WaitForRunEndOptions = {},
): Promise<ExecutionStatus> {
  const endings = options.endings ?? RUN_ENDINGS;
  return new Promise((resolve) => {
    let settled = false;
    let checkedSeq = afterSeq;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      const read = (): void => {
        readStoredStatus(store, instanceId).then(resolve, (error: { code?: string }) => {
          // Deleted meanwhile: nothing more will happen to it.
          if (error.code === ErrorCode.NOT_FOUND) resolve(emptyExecutionStatus(instanceId));
          else setTimeout(read, POLL_MS).unref?.();
        });
      };
      read();
    };
    const unsubscribe = events.subscribe(instanceId, (event: ExecutionEvent) => {
      if (event.seq > afterSeq && endings.has(event.event_type)) finish();
    });
    const poll = async (): Promise<void> => {
      try {
        const stored = await store.listEvents(instanceId, { afterSeq: checkedSeq });
        for (const event of stored) {
          checkedSeq = event.seq;
          if (endings.has(event.event_type)) return finish();
        }
        // A run deleted meanwhile never ends: its record says so.
        if (!(await store.getInstance(instanceId))) return finish();
      } catch {
        // Read again at the next poll.
      }
      if (!settled) {
        timer = setTimeout(() => void poll(), POLL_MS);
        timer.unref?.();
      }
    };
    options.signal?.addEventListener('abort', () => {
      settled = true;
      unsubscribe();
      clearTimeout(timer);
    });
    void poll();
  });
}
