import type { InstanceSummary, WorkflowInstance } from '@flowloom/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type {
  ClientError,
  ClientResult,
  CreateInstanceRequest,
  InstanceListQuery,
  InstancePage,
} from '../client/clientTypes';
import { InstanceList } from './InstanceList';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useWorkflowInstances} returns. */
export interface UseWorkflowInstancesResult {
  /**
   * The runs listed last, as summaries (status, times, progress, error; no document or input:
   * read one with `client.getInstance`).
   */
  instances: InstanceSummary[];
  /** How many instances match the filter in all (the list may be one page of them). */
  total: number;
  /** The cursor of the page after this one (`fetchInstances({ cursor })`); `null` on the last. */
  nextCursor: string | null;
  /** True until the first answer and while fetching. */
  loading: boolean;
  /** Why the last fetch failed. */
  error: ClientError | null;
  /** Creates an instance and, on success, fetches the list again. */
  createInstance: (request: CreateInstanceRequest) => Promise<ClientResult<WorkflowInstance>>;
  /** Lists the instances matching a filter (all without one). */
  fetchInstances: (query?: InstanceListQuery) => Promise<ClientResult<InstancePage>>;
}

const NO_INSTANCES: InstanceSummary[] = [];

/**
 * The workflow instances as run summaries, newest first, fetched on mount, with
 * `createInstance` keeping the list current; `fetchInstances(filters)` filters and pages.
 *
 * @example
 * const { instances, createInstance } = useWorkflowInstances();
 * const created = await createInstance({ name: 'Nightly import', workflow_id });
 */
export function useWorkflowInstances(): UseWorkflowInstancesResult {
  const client = useWorkflowClient();
  const list = useMemo(() => new InstanceList(client), [client]);
  const state = useSyncExternalStore(
    list.query.subscribe,
    list.query.getSnapshot,
    list.query.getSnapshot,
  );
  useEffect(() => {
    if (!list.query.started) void list.fetchInstances();
  }, [list]);
  return {
    instances: state.data?.instances ?? NO_INSTANCES,
    total: state.data?.total ?? 0,
    nextCursor: state.data?.next_cursor ?? null,
    loading: state.loading,
    error: state.error,
    createInstance: list.createInstance,
    fetchInstances: list.fetchInstances,
  };
}
