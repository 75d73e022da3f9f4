import type { ExecutionEvent, ExecutionStatus, LogEntry } from '@flowloom/core';
import {
  applyEventToStatus,
  emptyExecutionStatus,
  isFinalInstanceStatus,
  logEntryOf,
} from '@flowloom/core';
import type { ClientError, ClientResult, WorkflowClient } from '../client/clientTypes';
import { unexpectedError } from './unexpectedError';

/** What an {@link InstanceFeed} holds of its instance. */
export interface InstanceFeedSnapshot {
  /** Its status: from the status endpoint, kept current by its events; null until known. */
  status: ExecutionStatus | null;
  /** Its events, newest first. */
  events: ExecutionEvent[];
  /** Its log entries, oldest first. */
  logs: LogEntry[];
  /** Whether the live event stream is connected. */
  isConnected: boolean;
  /** The subscription's refusal or the last status call's failure. */
  error: ClientError | null;
}

const EMPTY: InstanceFeedSnapshot = {
  status: null,
  events: [],
  logs: [],
  isConnected: false,
  error: null,
};

/**
 * One instance's live run, as one page follows it: a single WebSocket subscription from the
 * first event, the status (fetched, then kept current by the events), the events and the logs.
 * Every reader of the instance on the page shares it (see `acquireInstanceFeed`), so each event
 * crosses the network once and is folded once.
 *
 * @remarks Listeners are told once per microtask, so a burst of events renders once.
 */
export class InstanceFeed {
  readonly instanceId: string;
  readonly #client: WorkflowClient;
  readonly #listeners = new Set<() => void>();
  #snapshot: InstanceFeedSnapshot = EMPTY;
  #unsubscribe: (() => void) | undefined;
  #closed = false;
  /** Events oldest first (the snapshot shows them newest first). */
  #events: ExecutionEvent[] = [];
  #logs: LogEntry[] = [];
  #status: ExecutionStatus | null = null;
  #connected = false;
  #error: ClientError | null = null;
  #lastSeq = 0;
  /** Counts status requests; only the latest one's answer is kept. */
  #statusRequests = 0;
  #notifyQueued = false;
  #eventsChanged = false;
  #logsChanged = false;

  constructor(client: WorkflowClient, instanceId: string) {
    this.#client = client;
    this.instanceId = instanceId;
  }

  /** Opens the subscription from the first event and fetches the status. */
  start(): void {
    if (this.#unsubscribe || this.#closed) return;
    this.#unsubscribe = this.#client.subscribe(
      this.instanceId,
      (event) => {
        if (!this.#closed) this.#receive(event);
      },
      {
        since: 0,
        onConnectionChange: (connected) => {
          if (this.#closed) return;
          this.#connected = connected;
          this.#changed();
        },
        onError: (error) => {
          if (this.#closed) return;
          this.#error = error;
          this.#connected = false;
          this.#changed();
        },
      },
    );
    void this.refreshStatus();
  }

  /** Closes the subscription; nothing is told after it. */
  close(): void {
    this.#closed = true;
    this.#statusRequests += 1;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#listeners.clear();
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current state; a new object after each change, the same one otherwise. */
  readonly getSnapshot = (): InstanceFeedSnapshot => this.#snapshot;

  /** Asks the status endpoint for the instance's status. */
  async refreshStatus(): Promise<void> {
    await this.statusCall(() => this.#client.getStatus(this.instanceId));
  }

  /**
   * Makes a call that answers the instance's status (status, stop) and keeps its answer, brought
   * up to date with the events that crossed it, unless a later status call was made meanwhile.
   */
  async statusCall(
    call: () => Promise<ClientResult<ExecutionStatus>>,
  ): Promise<ClientResult<ExecutionStatus>> {
    const request = ++this.#statusRequests;
    const seenBefore = this.#lastSeq;
    let result: ClientResult<ExecutionStatus>;
    try {
      result = await call();
    } catch (thrown) {
      result = { success: false, error: unexpectedError(thrown) };
    }
    if (request !== this.#statusRequests) return result;
    if (result.success) this.#status = this.#withEventsSince(result.data, seenBefore);
    else this.#error = result.error;
    this.#changed();
    return result;
  }

  #receive(event: ExecutionEvent): void {
    // The client neither repeats nor reorders events; this guard keeps the lists right if one did.
    if (event.seq <= this.#lastSeq) return;
    this.#lastSeq = event.seq;
    this.#events.push(event);
    this.#eventsChanged = true;
    if (event.event_type === 'log') {
      this.#logs.push(logEntryOf(event));
      this.#logsChanged = true;
    }
    this.#status = applyEventToStatus(
      this.#status ?? emptyExecutionStatus(event.instance_id),
      event,
    );
    this.#changed();
    // The run ended: take the server's final word (variables, steps no event mentioned).
    if (isFinalInstanceStatus(this.#status.status) && event.event_type.startsWith('execution_')) {
      void this.refreshStatus();
    }
  }

  /**
   * A status answer brought up to date with the events received since the request went out:
   * they may be newer than the answer, and replaying ones it already holds changes nothing.
   */
  #withEventsSince(status: ExecutionStatus, seq: number): ExecutionStatus {
    let start = this.#events.length;
    while (start > 0 && this.#events[start - 1]!.seq > seq) start -= 1;
    let next = status;
    for (let at = start; at < this.#events.length; at += 1) {
      next = applyEventToStatus(next, this.#events[at]!);
    }
    return next;
  }

  #changed(): void {
    if (this.#notifyQueued) return;
    this.#notifyQueued = true;
    queueMicrotask(() => {
      this.#notifyQueued = false;
      if (!this.#closed) this.#publish();
    });
  }

  #publish(): void {
    const previous = this.#snapshot;
    this.#snapshot = {
      status: this.#status,
      events: this.#eventsChanged ? this.#events.slice().reverse() : previous.events,
      logs: this.#logsChanged ? this.#logs.slice() : previous.logs,
      isConnected: this.#connected,
      error: this.#error,
    };
    this.#eventsChanged = false;
    this.#logsChanged = false;
    for (const listener of [...this.#listeners]) listener();
  }
}
