import type { WorkflowInstance } from '@flowloom/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ClientError } from '../client/clientTypes';
import { ClientQuery, type QueryState } from './ClientQuery';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useInstanceDetails} returns. */
export interface UseInstanceDetailsResult {
  /** The instance: its document (step labels), version, trigger, input and parent run. */
  instance: WorkflowInstance | undefined;
  /** Why reading it failed. */
  error: ClientError | null;
}

const IDLE: QueryState<WorkflowInstance> = { data: undefined, loading: false, error: null };

/**
 * One instance as `GET /instances/{id}` answers it, read once per id: what a run view needs
 * beyond the live status (step labels from the run's own document, the version it ran, what
 * triggered it, its parent run).
 */
export function useInstanceDetails(instanceId: string | undefined): UseInstanceDetailsResult {
  const client = useWorkflowClient();
  const query = useMemo(
    () =>
      instanceId === undefined ? undefined : new ClientQuery(() => client.getInstance(instanceId)),
    [client, instanceId],
  );
  const state = useSyncExternalStore(
    query?.subscribe ?? noSubscription,
    query?.getSnapshot ?? idle,
    query?.getSnapshot ?? idle,
  );
  useEffect(() => {
    if (query && !query.started) void query.fetch();
  }, [query]);
  // An answer held for another instance is not this one's.
  const instance = state.data?.instance_id === instanceId ? state.data : undefined;
  return { instance, error: state.error };
}

function noSubscription(): () => void {
  return () => {};
}

function idle(): QueryState<WorkflowInstance> {
  return IDLE;
}
