import type { ExecutionEvent, ExecutionStatus, LogEntry } from '@flowloom/core';
import {
  applyEventToStatus,
  emptyExecutionStatus,
  isFinalInstanceStatus,
  logEntryOf,
} from '@flowloom/core';
import type { ClientError, ClientResult, WorkflowClient } from '../client/clientTypes';
import { unexpectedError } from './unexpectedError';

/** What an {@link ExecutionTracker} shows of the instance it follows. */
export interface ExecutionSnapshot {
  /** The instance followed, if any. */
  instanceId: string | undefined;
  /** Its status: from the status endpoint, kept current by its events; null until known. */
  status: ExecutionStatus | null;
  /** Its events, newest first. */
  events: ExecutionEvent[];
  /** Its log entries, oldest first. */
  logs: LogEntry[];
  /** Whether the live event stream is connected. */
  isConnected: boolean;
  /** The last failure: the subscription refused, or a status, execute or stop call failed. */
  error: ClientError | null;
}

const IDLE: ExecutionSnapshot = {
  instanceId: undefined,
  status: null,
  events: [],
  logs: [],
  isConnected: false,
  error: null,
};

/**
 * Follows one workflow instance's run: subscribes to its events (the client reconnects and
 * resumes without loss or repeats), keeps its status, its events and its logs, and executes or
 * stops it. Framework-free: `useWorkflowExecution` reads it with `useSyncExternalStore`, and a
 * Vue or Svelte binding could do the same.
 *
 * @remarks Listeners are told once per microtask, so a burst of events renders once.
 */
export class ExecutionTracker {
  readonly #client: WorkflowClient;
  readonly #listeners = new Set<() => void>();
  #snapshot: ExecutionSnapshot = IDLE;
  /** Bumped when the instance followed changes; answers for an older one are dropped. */
  #generation = 0;
  #instanceId: string | undefined;
  #unsubscribe: (() => void) | undefined;
  /** Events oldest first (the snapshot shows them newest first). */
  #events: ExecutionEvent[] = [];
  #logs: LogEntry[] = [];
  #status: ExecutionStatus | null = null;
  #connected = false;
  #error: ClientError | null = null;
  #lastSeq = 0;
  /** Counts status requests (refresh and stop); only the latest one's answer is kept. */
  #statusRequests = 0;
  #notifyQueued = false;
  #eventsChanged = false;
  #logsChanged = false;

  constructor(client: WorkflowClient) {
    this.#client = client;
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current state; a new object after each change, the same one otherwise. */
  readonly getSnapshot = (): ExecutionSnapshot => this.#snapshot;

  /** The instance followed, if any. */
  get instanceId(): string | undefined {
    return this.#instanceId;
  }

  /** Follows an instance from its first event (following it already does nothing). */
  track(instanceId: string): void {
    if (this.#instanceId === instanceId && this.#unsubscribe) return;
    this.untrack();
    this.#instanceId = instanceId;
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    this.#unsubscribe = this.#client.subscribe(
      instanceId,
      (event) => {
        if (current()) this.#receive(event);
      },
      {
        since: 0,
        onConnectionChange: (connected) => {
          if (!current()) return;
          this.#connected = connected;
          this.#changed();
        },
        onError: (error) => {
          if (!current()) return;
          this.#error = error;
          this.#connected = false;
          this.#changed();
        },
      },
    );
    this.#changed();
    void this.refreshStatus();
  }

  /** Stops following: closes the subscription and forgets the instance's events and status. */
  untrack(): void {
    this.#generation += 1;
    // Answers to requests made before now are for what is no longer shown.
    this.#statusRequests += 1;
    const wasTracking = this.#instanceId !== undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#instanceId = undefined;
    this.#events = [];
    this.#logs = [];
    this.#status = null;
    this.#connected = false;
    this.#error = null;
    this.#lastSeq = 0;
    this.#eventsChanged = true;
    this.#logsChanged = true;
    if (wasTracking) this.#changed();
  }

  /** Asks the status endpoint for the followed instance's status. */
  async refreshStatus(): Promise<void> {
    const instanceId = this.#instanceId;
    if (instanceId === undefined) return;
    const request = ++this.#statusRequests;
    const seenBefore = this.#lastSeq;
    const result = await this.#call(() => this.#client.getStatus(instanceId));
    if (request !== this.#statusRequests) return;
    if (result.success) this.#status = this.#withEventsSince(result.data, seenBefore);
    else this.#error = result.error;
    this.#changed();
  }

  /**
   * Executes an instance. With `follow` (the default) the tracker follows it from now on;
   * the followed instance's status is fetched once the run has started.
   */
  async execute(
    instanceId: string,
    inputData?: Record<string, unknown>,
    { follow = true }: { follow?: boolean } = {},
  ): Promise<ClientResult<{ instance_id: string; status: 'running' }>> {
    if (follow) this.track(instanceId);
    const generation = this.#generation;
    const result = await this.#call(() => this.#client.executeInstance(instanceId, inputData));
    if (generation !== this.#generation || this.#instanceId !== instanceId) return result;
    if (result.success) {
      this.#error = null;
      await this.refreshStatus();
    } else {
      this.#error = result.error;
      this.#changed();
    }
    return result;
  }

  /**
   * Runs the followed (or given) instance again from its failed and cancelled steps. The
   * subscription stays open: the retry's events continue the same `seq`, so the lists grow on
   * and the status follows the new attempt.
   */
  async retry(
    instanceId = this.#instanceId,
  ): Promise<ClientResult<{ instance_id: string; status: 'running' }>> {
    if (instanceId === undefined) return noInstance('retryWorkflow');
    const generation = this.#generation;
    const result = await this.#call(() => this.#client.retryInstance(instanceId));
    if (generation !== this.#generation || this.#instanceId !== instanceId) return result;
    if (result.success) {
      this.#error = null;
      await this.refreshStatus();
    } else {
      this.#error = result.error;
      this.#changed();
    }
    return result;
  }

  /** Stops an instance's run: the one given, or the one followed. */
  async stop(instanceId = this.#instanceId): Promise<ClientResult<ExecutionStatus>> {
    if (instanceId === undefined) return noInstance('stopWorkflow');
    // Only a stop of the followed instance says anything about the status shown.
    const request = instanceId === this.#instanceId ? ++this.#statusRequests : -1;
    const seenBefore = this.#lastSeq;
    const result = await this.#call(() => this.#client.stopInstance(instanceId));
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

  async #call<T>(call: () => Promise<ClientResult<T>>): Promise<ClientResult<T>> {
    try {
      return await call();
    } catch (thrown) {
      return { success: false, error: unexpectedError(thrown) };
    }
  }

  #changed(): void {
    if (this.#notifyQueued) return;
    this.#notifyQueued = true;
    queueMicrotask(() => {
      this.#notifyQueued = false;
      this.#publish();
    });
  }

  #publish(): void {
    const previous = this.#snapshot;
    this.#snapshot = {
      instanceId: this.#instanceId,
      status: this.#status,
      events: this.#eventsChanged ? this.#events.slice().reverse() : previous.events,
      logs: this.#logsChanged ? this.#logs.slice() : previous.logs,
      isConnected: this.#connected,
      error: this.#error,
    };
    this.#eventsChanged = false;
    this.#logsChanged = false;
    for (const listener of this.#listeners) listener();
  }
}

/** The failure of a call that needs an instance when none was given or followed. */
function noInstance(call: string): { success: false; error: ClientError } {
  return {
    success: false,
    error: {
      code: 'VALIDATION_FAILED',
      message: `${call} needs an instance id: pass one, or execute an instance first`,
      status: 0,
    },
  };
}
