import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  type RunHistoryFilter,
  RunHistoryList,
  type RunHistoryState,
} from '../history/RunHistoryList';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useRunHistory} returns. */
export interface UseRunHistoryResult extends RunHistoryState {
  /** Reads the first page again (new runs appear). */
  refresh: () => Promise<void>;
  /** Appends the next page of older runs. */
  loadMore: () => Promise<void>;
}

/**
 * Runs matching a filter (a workflow's runs with `workflow_id`, a run's sub-workflow runs with
 * `parent_instance_id`), newest first, a page at a time by cursor; the first page is read on
 * mount and whenever the filter changes.
 *
 * @example
 * const { runs, hasMore, loadMore } = useRunHistory({ workflow_id: id });
 */
export function useRunHistory(
  filter: RunHistoryFilter | undefined,
  pageSize = 20,
): UseRunHistoryResult {
  const client = useWorkflowClient();
  // One list per filter: the filter is read by value, so a new object with the same fields
  // keeps the list.
  const key = filter === undefined ? '' : JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `filter`.
  const list = useMemo(
    () => (filter === undefined ? undefined : new RunHistoryList(client, filter, pageSize)),
    [client, key, pageSize],
  );
  const state = useSyncExternalStore(
    list?.subscribe ?? noSubscription,
    list?.getSnapshot ?? empty,
    list?.getSnapshot ?? empty,
  );
  useEffect(() => {
    void list?.refresh();
  }, [list]);
  return {
    ...state,
    refresh: list?.refresh ?? resolved,
    loadMore: list?.loadMore ?? resolved,
  };
}

const EMPTY: RunHistoryState = { runs: [], total: 0, hasMore: false, loading: false, error: null };

function empty(): RunHistoryState {
  return EMPTY;
}

function noSubscription(): () => void {
  return () => {};
}

function resolved(): Promise<void> {
  return Promise.resolve();
}
