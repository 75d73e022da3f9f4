import type { ComponentCategory, WorkflowComponentMetadata } from '@flowloom/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ClientError, ClientResult } from '../client/clientTypes';
import { componentsQueryOf } from './componentsQueryOf';
import { groupByCategory } from './groupByCategory';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useWorkflowComponents} returns. */
export interface UseWorkflowComponentsResult {
  /** Every component the server offers, in its order. */
  components: WorkflowComponentMetadata[];
  /** The same, grouped by category; every category has a key. */
  byCategory: Record<ComponentCategory, WorkflowComponentMetadata[]>;
  /** True until the first answer and while refetching. */
  loading: boolean;
  /** Why the last fetch failed. */
  error: ClientError | null;
  /** Fetches the list again. */
  refetch: () => Promise<ClientResult<{ components: WorkflowComponentMetadata[] }>>;
}

const NO_COMPONENTS: WorkflowComponentMetadata[] = [];

/**
 * The server's components (metadata for palettes and forms), shared by every caller on the same
 * client: fetched when the first caller mounts (again when one mounts after all had left, or
 * after a failure), not once per caller.
 *
 * @example
 * const { byCategory, loading } = useWorkflowComponents();
 * byCategory.triggers.map((component) => <li key={component.type}>{component.name}</li>);
 */
export function useWorkflowComponents(): UseWorkflowComponentsResult {
  const query = componentsQueryOf(useWorkflowClient());
  const state = useSyncExternalStore(query.subscribe, query.getSnapshot, query.getSnapshot);
  useEffect(() => {
    // The only reader on screen (the first, or one mounted after all others left) or a reader
    // after a failure fetches again; the list held stays shown meanwhile.
    if (query.readers <= 1 || query.getSnapshot().error) query.revalidate();
  }, [query]);
  const components = state.data?.components ?? NO_COMPONENTS;
  const byCategory = useMemo(() => groupByCategory(components), [components]);
  return {
    components,
    byCategory,
    loading: state.loading,
    error: state.error,
    refetch: query.fetch,
  };
}
