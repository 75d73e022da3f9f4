import type {
  ExecutionEvent,
  ExecutionEventMap,
  ExecutionEventType,
} from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import type { WorkflowStore } from '../store/WorkflowStore';
import { abortableSleep } from './abortableSleep';
import { isoNow } from './isoNow';
import { logEntryOf } from './logEntryOf';

/** Receives each event once it is stored, in `seq` order. */
export type JournalListener = (event: ExecutionEvent) => void;

/** Options of {@link EventJournal} beyond what every journal needs. */
export interface EventJournalOptions {
  /**
   * Waits before each retry of a failed write; one retry per entry.
   * @default [50, 250]
   */
  retryDelaysMs?: readonly number[];
  /** Rewrites every event's data before it is applied, stored or published (secret redaction). */
  redact?: (data: unknown) => unknown;
}

/** Bytes an event costs beyond its payload: its envelope as JSON, roughly. */
const EVENT_OVERHEAD_BYTES = 160;

const FINAL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

/**
 * A run's journal: numbers events, hands each to the reducer at once, stores them in batches
 * and then publishes them.
 *
 * Appends made while a write is in flight are grouped into the next write (group commit), so a
 * slow store costs one round trip per batch rather than per event, and `flush()` resolves once
 * everything appended so far is stored and published. Publishing only after storing means a
 * late subscriber that reads the store and then listens never misses or repeats an event.
 *
 * A write that fails is retried; one that still fails is the run's end (`flush()` rejects from
 * then on), but a final event is published even when it could not be stored, so no client
 * watching the run waits for ever.
 */
export class EventJournal {
  private pending: ExecutionEvent[] = [];
  private tail: Promise<void> = Promise.resolve();
  private writeScheduled = false;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private readonly retryDelaysMs: readonly number[];
  private readonly redact: ((data: unknown) => unknown) | undefined;
  /** Bytes of everything appended so far, as the store will roughly hold it. */
  bytes = 0;

  constructor(
    private readonly instanceId: string,
    private lastSeq: number,
    private readonly store: WorkflowStore,
    private readonly apply: (event: ExecutionEvent) => void,
    private readonly publish: JournalListener,
    options: EventJournalOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? [50, 250];
    this.redact = options.redact;
  }

  /**
   * Makes the next event, applies it to the run state and queues it for storing.
   *
   * @param payloadBytes - the size of `data` as JSON when the caller measured it; events the
   * caller did not measure count as small.
   * @returns the event, or `undefined` once the journal is closed (a straggling step's log).
   */
  append<K extends ExecutionEventType>(
    eventType: K,
    data: ExecutionEventMap[K],
    stepId?: string,
    payloadBytes = 0,
  ): ExecutionEvent | undefined {
    if (this.closed) return undefined;
    this.lastSeq += 1;
    const payload = this.redact ? (this.redact(data) as ExecutionEventMap[K]) : data;
    const event = (
      stepId === undefined
        ? {
            seq: this.lastSeq,
            event_type: eventType,
            instance_id: this.instanceId,
            timestamp: isoNow(),
            data: payload,
          }
        : {
            seq: this.lastSeq,
            event_type: eventType,
            instance_id: this.instanceId,
            step_id: stepId,
            timestamp: isoNow(),
            data: payload,
          }
    ) as ExecutionEvent;
    this.bytes += EVENT_OVERHEAD_BYTES + payloadBytes;
    this.apply(event);
    this.pending.push(event);
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      this.tail = this.tail.then(this.writeBatch);
    }
    return event;
  }

  /**
   * Resolves when every event appended so far is stored and published; rejects once a write
   * has failed for good (the events of that write are lost: the run must end).
   */
  async flush(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }

  /** Whether a write failed for good. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Refuses further appends; what was appended is still written. */
  close(): void {
    this.closed = true;
  }

  /** Never rejects: a failure is kept for `flush()`, so later batches are still written. */
  private readonly writeBatch = async (): Promise<void> => {
    this.writeScheduled = false;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.withRetries(() => this.store.appendEvents(batch));
    } catch (error) {
      this.failure ??= { error };
      // Clients learn the run ended even though the store could not keep it.
      for (const event of batch) if (FINAL_EVENT_TYPES.has(event.event_type)) this.publish(event);
      return;
    }
    const logs = logEntriesOf(batch);
    // The log table is a convenience copy of the journal's log events: losing it fails nothing.
    if (logs.length > 0) await this.withRetries(() => this.store.appendLogs(logs)).catch(ignore);
    for (const event of batch) this.publish(event);
  };

  private async withRetries(write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await write();
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) throw error;
        await abortableSleep(delay, NEVER_ABORTED);
      }
    }
  }
}

const NEVER_ABORTED = new AbortController().signal;

function logEntriesOf(batch: readonly ExecutionEvent[]): LogEntry[] {
  const logs: LogEntry[] = [];
  for (const event of batch) if (event.event_type === 'log') logs.push(logEntryOf(event));
  return logs;
}

function ignore(): void {}
