import type { ExecutionEvent, ExecutionStatus, LogEntry } from '@flowloom/core';
import type { ClientError, ClientResult, RunAccepted, WorkflowClient } from '../client/clientTypes';
import { acquireInstanceFeed, type HeldInstanceFeed } from './acquireInstanceFeed';
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
 * Follows one workflow instance's run: reads the page's shared feed of it (one subscription per
 * instance, however many trackers follow it; the client reconnects and resumes without loss or
 * repeats) for its status, events and logs, and executes, retries or stops it. Framework-free:
 * `useWorkflowExecution` reads it with `useSyncExternalStore`, and a Vue or Svelte binding could
 * do the same.
 *
 * @remarks Listeners are told once per microtask, so a burst of events renders once.
 */
export class ExecutionTracker {
  readonly #client: WorkflowClient;
  readonly #listeners = new Set<() => void>();
  #snapshot: ExecutionSnapshot = IDLE;
  /** Bumped when the instance followed changes; answers for an older one are dropped. */
  #generation = 0;
  #held: HeldInstanceFeed | undefined;
  #stopReading: (() => void) | undefined;
  /** The last execute, retry or stop failure; the feed's own error shows otherwise. */
  #callError: ClientError | null = null;

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
    return this.#held?.feed.instanceId;
  }

  /** Follows an instance from its first event (following it already does nothing). */
  track(instanceId: string): void {
    if (this.instanceId === instanceId) return;
    this.untrack();
    this.#held = acquireInstanceFeed(this.#client, instanceId);
    this.#stopReading = this.#held.feed.subscribe(() => this.#publish());
    this.#publish();
  }

  /** Stops following: lets the feed go and forgets the instance's events and status. */
  untrack(): void {
    this.#generation += 1;
    const wasTracking = this.#held !== undefined;
    this.#stopReading?.();
    this.#stopReading = undefined;
    this.#held?.release();
    this.#held = undefined;
    this.#callError = null;
    if (wasTracking) this.#publish();
  }

  /** Asks the status endpoint for the followed instance's status. */
  async refreshStatus(): Promise<void> {
    await this.#held?.feed.refreshStatus();
  }

  /**
   * Executes an instance. With `follow` (the default) the tracker follows it from now on;
   * the followed instance's status is fetched once the run has started.
   */
  async execute(
    instanceId: string,
    inputData?: Record<string, unknown>,
    { follow = true }: { follow?: boolean } = {},
  ): Promise<ClientResult<RunAccepted>> {
    if (follow) this.track(instanceId);
    return this.#runCall(instanceId, () => this.#client.executeInstance(instanceId, inputData));
  }

  /**
   * Runs the followed (or given) instance again from its failed and cancelled steps. The
   * subscription stays open: the retry's events continue the same `seq`, so the lists grow on
   * and the status follows the new attempt.
   */
  async retry(instanceId = this.instanceId): Promise<ClientResult<RunAccepted>> {
    if (instanceId === undefined) return noInstance('retryWorkflow');
    return this.#runCall(instanceId, () => this.#client.retryInstance(instanceId));
  }

  /** Stops an instance's run: the one given, or the one followed. */
  async stop(instanceId = this.instanceId): Promise<ClientResult<ExecutionStatus>> {
    if (instanceId === undefined) return noInstance('stopWorkflow');
    const generation = this.#generation;
    const stop = () => this.#client.stopInstance(instanceId);
    // Only a stop of the followed instance says anything about the status shown.
    const followed = instanceId === this.instanceId ? this.#held?.feed : undefined;
    const result = followed ? await followed.statusCall(stop) : await this.#call(stop);
    if (generation === this.#generation && followed) this.#setCallError(result);
    return result;
  }

  /** An execute or retry: on success of the followed instance, its status is fetched anew. */
  async #runCall<T>(
    instanceId: string,
    call: () => Promise<ClientResult<T>>,
  ): Promise<ClientResult<T>> {
    const generation = this.#generation;
    const result = await this.#call(call);
    if (generation !== this.#generation || this.instanceId !== instanceId) return result;
    this.#setCallError(result);
    if (result.success) await this.refreshStatus();
    return result;
  }

  #setCallError(result: ClientResult<unknown>): void {
    const error = result.success ? null : result.error;
    if (error === this.#callError) return;
    this.#callError = error;
    this.#publish();
  }

  async #call<T>(call: () => Promise<ClientResult<T>>): Promise<ClientResult<T>> {
    try {
      return await call();
    } catch (thrown) {
      return { success: false, error: unexpectedError(thrown) };
    }
  }

  #publish(): void {
    const feed = this.#held?.feed.getSnapshot();
    const previous = this.#snapshot;
    const next: ExecutionSnapshot = feed
      ? {
          instanceId: this.instanceId,
          status: feed.status,
          events: feed.events,
          logs: feed.logs,
          isConnected: feed.isConnected,
          error: this.#callError ?? feed.error,
        }
      : IDLE;
    if (
      next.instanceId === previous.instanceId &&
      next.status === previous.status &&
      next.events === previous.events &&
      next.logs === previous.logs &&
      next.isConnected === previous.isConnected &&
      next.error === previous.error
    ) {
      return;
    }
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) listener();
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
