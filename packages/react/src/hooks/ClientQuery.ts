import type { ClientError, ClientResult } from '../client/clientTypes';
import { unexpectedError } from './unexpectedError';

/** What a {@link ClientQuery} holds. */
export interface QueryState<T> {
  /** The last answer's data; kept while a refetch is under way or after it failed. */
  data: T | undefined;
  /** True until the first answer, and while a fetch is under way. */
  loading: boolean;
  /** Why the last fetch failed; null after a success. */
  error: ClientError | null;
}

/**
 * One client call's result as an observable value: a framework-free object that hooks read with
 * `useSyncExternalStore`. Only the latest fetch's answer is kept, so a slow earlier answer never
 * overwrites a newer one.
 */
export class ClientQuery<T> {
  #state: QueryState<T> = { data: undefined, loading: true, error: null };
  readonly #listeners = new Set<() => void>();
  readonly #request: () => Promise<ClientResult<T>>;
  #latest = 0;
  #inFlight = false;

  constructor(request: () => Promise<ClientResult<T>>) {
    this.#request = request;
  }

  /** Whether a fetch was ever started. */
  get started(): boolean {
    return this.#latest > 0;
  }

  /** How many listeners are subscribed (readers on screen). */
  get readers(): number {
    return this.#listeners.size;
  }

  /** Fetches unless a fetch is already under way; the data held stays shown meanwhile. */
  readonly revalidate = (): void => {
    if (!this.#inFlight) void this.fetch();
  };

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current state; a new object after each change, the same one otherwise. */
  readonly getSnapshot = (): QueryState<T> => this.#state;

  /** Calls the client and keeps the answer; resolves to the call's result. */
  readonly fetch = async (): Promise<ClientResult<T>> => {
    this.#latest += 1;
    const request = this.#latest;
    if (!this.#state.loading) this.#set({ ...this.#state, loading: true });
    this.#inFlight = true;
    let result: ClientResult<T>;
    try {
      result = await this.#request();
    } catch (thrown) {
      // Clients never throw for HTTP or network errors; a custom one might for anything else.
      result = { success: false, error: unexpectedError(thrown) };
    }
    if (request === this.#latest) {
      this.#inFlight = false;
      this.#set(
        result.success
          ? { data: result.data, loading: false, error: null }
          : { data: this.#state.data, loading: false, error: result.error },
      );
    }
    return result;
  };

  #set(state: QueryState<T>): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
