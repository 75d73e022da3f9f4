import type {
  ExecutionEvent,
  ExecutionEventMap,
  ExecutionEventType,
} from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import { STORED } from '../store/stored';
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
  /**
   * The ISO time of an event appended without one. A run passes its own clock, which also times
   * its steps, so its events' times never go back as their `seq` goes on.
   * @default isoNow
   */
  now?: () => string;
}

/** Bytes an event costs beyond its payload: its envelope as JSON, roughly. */
const EVENT_OVERHEAD_BYTES = 160;

const FINAL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * A run's journal: numbers events, hands each to the reducer at once, stores them in batches
 * and then publishes them.
 *
 * A store that writes synchronously (it returns `STORED`) is written to in the same turn:
 * {@link commit} stores what was appended and publishes it before returning, with no promise in
 * between. For any other store, appends made while a write is in flight are grouped into the
 * next write (group commit), so a slow store costs one round trip per batch rather than per
 * event. Either way {@link flush} resolves once everything appended so far is stored and
 * published, and an event is published only after it is stored, so a late subscriber that reads
 * the store and then listens never misses or repeats one.
 *
 * A write that fails is retried; one that still fails is the run's end (`flush()` rejects from
 * then on), but a final event is published even when it could not be stored, so no client
 * watching the run waits for ever.
 */
export class EventJournal {
  /**
   * Events appended and not yet handed to the store: `buffer[0 .. pending)`. The buffer is kept
   * and overwritten (a batch is copied out of it at its exact size), as emptying an array and
   * growing it again costs more than the copy.
   */
  private readonly buffer: ExecutionEvent[] = [];
  private pending = 0;
  /** Log events among the pending ones: only batches with some are scanned for the log table. */
  private pendingLogs = 0;
  /** The asynchronous write in flight, if any; appends meanwhile join the next write. */
  private writing: Promise<void> | undefined;
  /** A commit is queued as a microtask (appends not yet stored). */
  private scheduled = false;
  /** Commits that wrote something, so far; and how many there were when one was queued. */
  private commits = 0;
  private commitsWhenScheduled = 0;
  /** How many callers hold commits back (see {@link hold}). */
  private holds = 0;
  /** Inside `commit` (publishing can make listeners append, or flush, again). */
  private committing = false;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private readonly retryDelaysMs: readonly number[];
  private readonly redact: ((data: unknown) => unknown) | undefined;
  private readonly now: () => string;
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
    this.now = options.now ?? isoNow;
  }

  /**
   * Makes the next event, applies it to the run state and queues it for storing: it is stored
   * by the next {@link commit}, at the latest a microtask or two later.
   *
   * @param payloadBytes - the size of `data` as JSON when the caller measured it; events the
   * caller did not measure count as small.
   * @param timestamp - the event's ISO time when the caller read the clock already.
   * @returns the event, or `undefined` once the journal is closed (a straggling step's log).
   */
  append<K extends ExecutionEventType>(
    eventType: K,
    data: ExecutionEventMap[K],
    stepId?: string,
    payloadBytes = 0,
    timestamp?: string,
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
            timestamp: timestamp ?? this.now(),
            data: payload,
          }
        : {
            seq: this.lastSeq,
            event_type: eventType,
            instance_id: this.instanceId,
            step_id: stepId,
            timestamp: timestamp ?? this.now(),
            data: payload,
          }
    ) as ExecutionEvent;
    this.bytes += EVENT_OVERHEAD_BYTES + payloadBytes;
    this.apply(event);
    this.buffer[this.pending] = event;
    this.pending += 1;
    if (eventType === 'log') this.pendingLogs += 1;
    if (this.holds === 0) this.schedule();
    return event;
  }

  /**
   * Holds the scheduled commit back while the caller appends in one stretch (a run starting
   * and finishing steps). Every hold is ended by {@link release}.
   */
  hold(): void {
    this.holds += 1;
  }

  /**
   * Ends a {@link hold}; what was appended meanwhile and is not committed by then (a step's
   * `step_started` while it runs) is committed a microtask or two later. A step that finishes
   * at once commits it with its outcome instead, in one write.
   */
  release(): void {
    this.holds -= 1;
    if (this.holds === 0) this.schedule();
  }

  /**
   * Stores what was appended, in this turn when the store writes synchronously, and publishes
   * it once stored. Returns whether everything appended so far is stored and published; when
   * not (a write is in flight, or the store is asynchronous) {@link flush} waits for it.
   */
  commit(): boolean {
    if (this.committing || this.writing) return false;
    this.committing = true;
    try {
      while (this.pending > 0) {
        const batch = this.takeBatch();
        const logs = this.pendingLogs;
        this.commits += 1;
        this.pendingLogs = 0;
        let written: Promise<void>;
        try {
          written = this.store.appendEvents(batch);
        } catch (error) {
          written = Promise.reject(error);
        }
        if (written !== STORED) {
          this.writing = this.finishWrite(batch, logs, written);
          return false;
        }
        if (logs > 0) {
          const logged = this.write(() => this.store.appendLogs(logEntriesOf(batch)));
          if (logged !== STORED) {
            this.writing = this.finishLogs(batch, logged);
            return false;
          }
        }
        // Listeners may append (or stop the run): the loop stores that too.
        for (const event of batch) this.publish(event);
      }
    } finally {
      this.committing = false;
    }
    return this.failure === undefined;
  }

  /**
   * Resolves when every event appended so far is stored and published; rejects once a write
   * has failed for good (the events of that write are lost: the run must end).
   */
  flush(): Promise<void> {
    // Called from a listener while this journal publishes: the commit in progress goes on first.
    if (this.committing) return RESOLVED.then(() => this.flush());
    if (this.commit()) return RESOLVED;
    if (this.writing) return this.writing.then(() => this.flush());
    return Promise.reject(this.failure!.error);
  }

  /** Whether a write failed for good. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Refuses further appends; what was appended is still written. */
  close(): void {
    this.closed = true;
  }

  /**
   * Refuses further appends and drops what was appended and not yet handed to the store: the
   * run was taken over by another process, whose events would collide with these. A write
   * already on its way still lands.
   */
  discard(): void {
    this.closed = true;
    this.buffer.fill(undefined as unknown as ExecutionEvent, 0, this.pending);
    this.pending = 0;
    this.pendingLogs = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.pending === 0) return;
    this.scheduled = true;
    this.commitsWhenScheduled = this.commits;
    // A promise job rather than queueMicrotask, which costs Node an async resource per call.
    RESOLVED.then(this.commitLater);
  }

  /**
   * The queued commit. When a commit happened since it was queued, a step just finished and the
   * next may finish at once too: it waits one more microtask, so that step stores its
   * `step_started` with its outcome (one write per step); otherwise it commits.
   */
  private readonly commitLater = (): void => {
    this.scheduled = false;
    if (this.holds > 0) return;
    if (this.commits !== this.commitsWhenScheduled) this.schedule();
    else this.commit();
  };

  /** The pending events, as a batch of their own; the buffer lets go of them. */
  private takeBatch(): ExecutionEvent[] {
    const batch = this.buffer.slice(0, this.pending);
    this.buffer.fill(undefined as unknown as ExecutionEvent, 0, this.pending);
    this.pending = 0;
    return batch;
  }

  /** Calls a store write; a synchronous throw becomes a rejected promise. */
  private write(call: () => Promise<void>): Promise<void> {
    try {
      return call();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Never rejects: a failure is kept for `flush()`, so later batches are still written. */
  private async finishWrite(
    batch: ExecutionEvent[],
    logs: number,
    written: Promise<void>,
  ): Promise<void> {
    try {
      await this.withRetries(written, () => this.store.appendEvents(batch));
    } catch (error) {
      this.failure ??= { error };
      // Clients learn the run ended even though the store could not keep it.
      this.published(batch.filter((event) => FINAL_EVENT_TYPES.has(event.event_type)));
      return;
    }
    if (logs > 0) {
      await this.storeLogs(
        batch,
        this.write(() => this.store.appendLogs(logEntriesOf(batch))),
      );
    }
    this.published(batch);
  }

  private async finishLogs(batch: ExecutionEvent[], logged: Promise<void>): Promise<void> {
    await this.storeLogs(batch, logged);
    this.published(batch);
  }

  /** The log table is a convenience copy of the journal's log events: losing it fails nothing. */
  private async storeLogs(batch: ExecutionEvent[], logged: Promise<void>): Promise<void> {
    await this.withRetries(logged, () => this.store.appendLogs(logEntriesOf(batch))).catch(ignore);
  }

  /** Publishes a stored batch (in order, even if a listener flushes), then writes what came since. */
  private published(batch: readonly ExecutionEvent[]): void {
    this.writing = undefined;
    this.committing = true;
    try {
      for (const event of batch) this.publish(event);
    } finally {
      this.committing = false;
    }
    this.commit();
  }

  private async withRetries(first: Promise<void>, again: () => Promise<void>): Promise<void> {
    let write = first;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await write;
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) throw error;
        await abortableSleep(delay, NEVER_ABORTED);
        write = this.write(again);
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
