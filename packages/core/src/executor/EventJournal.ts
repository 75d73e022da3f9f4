import type {
  ExecutionEvent,
  ExecutionEventMap,
  ExecutionEventType,
} from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import type { WorkflowStore } from '../store/WorkflowStore';
import { isoNow } from './isoNow';
import { logEntryOf } from './logEntryOf';

/** Receives each event once it is stored, in `seq` order. */
export type JournalListener = (event: ExecutionEvent) => void;

/**
 * A run's journal: numbers events, hands each to the reducer at once, stores them in batches
 * and then publishes them.
 *
 * Appends made while a write is in flight are grouped into the next write (group commit), so a
 * slow store costs one round trip per batch rather than per event, and `flush()` resolves once
 * everything appended so far is stored and published. Publishing only after storing means a
 * late subscriber that reads the store and then listens never misses or repeats an event.
 */
export class EventJournal {
  private pending: ExecutionEvent[] = [];
  private tail: Promise<void> = Promise.resolve();
  private writeScheduled = false;
  private closed = false;

  constructor(
    private readonly instanceId: string,
    private lastSeq: number,
    private readonly store: WorkflowStore,
    private readonly apply: (event: ExecutionEvent) => void,
    private readonly publish: JournalListener,
  ) {}

  /**
   * Makes the next event, applies it to the run state and queues it for storing.
   *
   * @returns the event, or `undefined` once the journal is closed (a straggling step's log).
   */
  append<K extends ExecutionEventType>(
    eventType: K,
    data: ExecutionEventMap[K],
    stepId?: string,
  ): ExecutionEvent | undefined {
    if (this.closed) return undefined;
    this.lastSeq += 1;
    const event = (
      stepId === undefined
        ? {
            seq: this.lastSeq,
            event_type: eventType,
            instance_id: this.instanceId,
            timestamp: isoNow(),
            data,
          }
        : {
            seq: this.lastSeq,
            event_type: eventType,
            instance_id: this.instanceId,
            step_id: stepId,
            timestamp: isoNow(),
            data,
          }
    ) as ExecutionEvent;
    this.apply(event);
    this.pending.push(event);
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      this.tail = this.tail.then(this.writeBatch);
      // A failed write is reported through flush(); this keeps it from also surfacing as an
      // unhandled rejection when nobody happens to be flushing.
      this.tail.catch(ignore);
    }
    return event;
  }

  /** Resolves when every event appended so far is stored and published; rejects if a write failed. */
  flush(): Promise<void> {
    return this.tail;
  }

  /** Refuses further appends; what was appended is still written. */
  close(): void {
    this.closed = true;
  }

  private readonly writeBatch = async (): Promise<void> => {
    this.writeScheduled = false;
    const batch = this.pending;
    this.pending = [];
    await this.store.appendEvents(batch);
    const logs = logEntriesOf(batch);
    if (logs.length > 0) await this.store.appendLogs(logs);
    for (const event of batch) this.publish(event);
  };
}

function logEntriesOf(batch: readonly ExecutionEvent[]): LogEntry[] {
  const logs: LogEntry[] = [];
  for (const event of batch) if (event.event_type === 'log') logs.push(logEntryOf(event));
  return logs;
}

function ignore(): void {}
