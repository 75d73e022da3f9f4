import type { InstanceSummary } from '@flowloom/core';
import type { ClientError, InstanceListQuery, WorkflowClient } from '../client/clientTypes';
import { unexpectedError } from '../hooks/unexpectedError';

/** What a {@link RunHistoryList} holds. */
export interface RunHistoryState {
  /** The runs of the pages read so far, newest first. */
  runs: InstanceSummary[];
  /** How many runs match in all. */
  total: number;
  /** Whether another page follows. */
  hasMore: boolean;
  /** True while a page is being read. */
  loading: boolean;
  /** Why the last read failed. */
  error: ClientError | null;
}

const INITIAL: RunHistoryState = { runs: [], total: 0, hasMore: false, loading: true, error: null };

/** The filters a run list pages through (everything of `GET /instances` but the paging). */
export type RunHistoryFilter = Omit<InstanceListQuery, 'cursor' | 'offset' | 'limit'>;

/**
 * A list of runs, newest first, read a page at a time by cursor (so runs started meanwhile never
 * shift a page): `refresh()` reads the first page again, `loadMore()` appends the next one.
 * Framework-free: `useRunHistory` reads it with `useSyncExternalStore`.
 */
export class RunHistoryList {
  readonly #client: WorkflowClient;
  readonly #filter: RunHistoryFilter;
  readonly #pageSize: number;
  readonly #listeners = new Set<() => void>();
  #state: RunHistoryState = INITIAL;
  #cursor: string | null = null;
  /** Bumped by each refresh: pages asked for before it are dropped. */
  #generation = 0;
  #pending: Promise<void> | undefined;

  constructor(client: WorkflowClient, filter: RunHistoryFilter, pageSize = 20) {
    this.#client = client;
    this.#filter = filter;
    this.#pageSize = pageSize;
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current state; a new object after each change. */
  readonly getSnapshot = (): RunHistoryState => this.#state;

  /** Reads the first page again, replacing the runs shown once it arrives. */
  readonly refresh = (): Promise<void> => {
    this.#generation += 1;
    this.#pending = this.#read(undefined, this.#generation);
    return this.#pending;
  };

  /** Appends the next page; does nothing on the last page or while a page is being read. */
  readonly loadMore = (): Promise<void> => {
    if (this.#state.loading || this.#cursor === null) return this.#pending ?? Promise.resolve();
    this.#pending = this.#read(this.#cursor, this.#generation);
    return this.#pending;
  };

  async #read(cursor: string | undefined, generation: number): Promise<void> {
    this.#set({ ...this.#state, loading: true });
    let answer: Awaited<ReturnType<WorkflowClient['listInstances']>>;
    try {
      answer = await this.#client.listInstances({
        ...this.#filter,
        limit: this.#pageSize,
        ...(cursor === undefined ? {} : { cursor }),
      });
    } catch (thrown) {
      answer = { success: false, error: unexpectedError(thrown) };
    }
    if (generation !== this.#generation) return;
    if (!answer.success) {
      this.#set({ ...this.#state, loading: false, error: answer.error });
      return;
    }
    const page = answer.data;
    // A run listed on both pages (deleted and re-listed, or a racing refresh) shows once.
    const before = cursor === undefined ? [] : this.#state.runs;
    const seen = new Set(before.map((run) => run.instance_id));
    const runs = [...before, ...page.instances.filter((run) => !seen.has(run.instance_id))];
    this.#cursor = page.next_cursor;
    this.#set({
      runs,
      total: page.total,
      hasMore: page.next_cursor !== null,
      loading: false,
      error: null,
    });
  }

  #set(state: RunHistoryState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }
}
