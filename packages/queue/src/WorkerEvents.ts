import type { ExecutionEngine, ExecutionEvent } from '@flowloom/core';
import type { Redis } from 'ioredis';
import type { QueueKeys } from './queueKeys';
import { encodeEventMessage } from './RedisEventSource';
import type { RunJobQueue } from './RunJobQueue';

/** Events after which a stop flag has nothing left to stop. */
const FINAL = new Set(['execution_completed', 'execution_failed', 'execution_cancelled']);

/**
 * What a worker does with its engine's events: publishes each to the events channel, in order
 * (one connection, published as the engine emits them: once stored), and queues what a run
 * needs next when it leaves this worker: a delayed `wake` job at a wait's `wake_at`, a `resume`
 * job when a shutdown interrupted it. Both are keyed by the event's `seq`, as the API servers'
 * own requests for the same run are, so the same request is one job.
 */
export class WorkerEvents {
  /** Queue writes under way: closing waits for them. */
  private readonly pending = new Set<Promise<unknown>>();
  private readonly listener = (event: ExecutionEvent) => this.onEvent(event);

  constructor(
    private readonly engine: ExecutionEngine,
    private readonly publisher: Redis,
    private readonly keys: QueueKeys,
    private readonly jobs: RunJobQueue,
    private readonly report: (message: string) => void,
  ) {
    engine.on('event', this.listener);
  }

  /** Stops listening and waits for the queue writes under way. */
  async close(): Promise<void> {
    this.engine.off('event', this.listener);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private onEvent(event: ExecutionEvent): void {
    this.track(this.publisher.publish(this.keys.events, encodeEventMessage(event)));
    const common = {
      instance_id: event.instance_id,
      after_seq: event.seq,
      accepted_at: Date.now(),
    };
    if (event.event_type === 'execution_waiting' && event.data.wake_at !== undefined) {
      const delayMs = Math.max(0, Date.parse(event.data.wake_at) - Date.now());
      this.track(this.jobs.add({ kind: 'wake', ...common }, event.seq, delayMs));
    } else if (event.event_type === 'execution_interrupted') {
      // Another worker takes it over (this one is shutting down).
      this.track(this.jobs.add({ kind: 'resume', ...common }, event.seq));
    } else if (FINAL.has(event.event_type)) {
      this.track(this.publisher.del(this.keys.stopFlag(event.instance_id)));
    }
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise
      .catch((error: unknown) => {
        this.report(`[flowloom] A queue write failed: ${(error as Error).message}`);
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}
