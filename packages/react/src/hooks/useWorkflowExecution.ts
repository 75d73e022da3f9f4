import type { ExecutionEvent, ExecutionStatus, LogEntry } from '@flowloom/core';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ClientError, ClientResult, RunAccepted } from '../client/clientTypes';
import { ExecutionTracker } from './ExecutionTracker';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useWorkflowExecution} returns. */
export interface UseWorkflowExecutionResult {
  /**
   * Executes an instance with an input. Without an `instanceId` argument to the hook, the hook
   * follows the instance it executes from then on.
   */
  executeWorkflow: (
    instanceId: string,
    input_data?: Record<string, unknown>,
  ) => Promise<ClientResult<RunAccepted>>;
  /**
   * Runs a failed or cancelled instance (the one given, or the one followed) again from its
   * failed step; the followed run's events continue where they stopped.
   */
  retryWorkflow: (instanceId?: string) => Promise<ClientResult<RunAccepted>>;
  /** Stops a run: the instance given, or the one followed. */
  stopWorkflow: (instanceId?: string) => Promise<ClientResult<ExecutionStatus>>;
  /** The followed instance's status, kept current by its events; null until known. */
  executionStatus: ExecutionStatus | null;
  /** The followed instance's events, newest first. */
  executionEvents: ExecutionEvent[];
  /** Its log entries, oldest first. */
  executionLogs: LogEntry[];
  /** Whether the live event stream is connected. */
  isConnected: boolean;
  /** The last failure of the subscription or of a status, execute or stop call. */
  error: ClientError | null;
}

/**
 * Follows a workflow instance's run live: status, events (newest first), logs and connection,
 * with `executeWorkflow`, `retryWorkflow` and `stopWorkflow`. Events stream over the client's
 * WebSocket, which reconnects and resumes without losing or repeating any; every reader of the
 * same instance on the page (this hook anywhere, the execution panel, the canvas) shares one
 * subscription.
 *
 * @param instanceId - the instance to follow; without it, the hook follows whichever instance
 * `executeWorkflow` last executed.
 * @example
 * const { executionStatus, executionEvents } = useWorkflowExecution(instanceId);
 * executionEvents.slice(0, 5).map((event) => <li key={event.seq}>{event.event_type}</li>);
 */
export function useWorkflowExecution(instanceId?: string): UseWorkflowExecutionResult {
  const client = useWorkflowClient();
  const tracker = useMemo(() => new ExecutionTracker(client), [client]);
  const snapshot = useSyncExternalStore(
    tracker.subscribe,
    tracker.getSnapshot,
    tracker.getSnapshot,
  );

  useEffect(() => {
    if (instanceId !== undefined) tracker.track(instanceId);
    return () => tracker.untrack();
  }, [tracker, instanceId]);

  const executeWorkflow = useCallback(
    (id: string, input_data?: Record<string, unknown>) =>
      tracker.execute(id, input_data, { follow: instanceId === undefined }),
    [tracker, instanceId],
  );
  const retryWorkflow = useCallback((id?: string) => tracker.retry(id), [tracker]);
  const stopWorkflow = useCallback((id?: string) => tracker.stop(id), [tracker]);

  return {
    executeWorkflow,
    retryWorkflow,
    stopWorkflow,
    executionStatus: snapshot.status,
    executionEvents: snapshot.events,
    executionLogs: snapshot.logs,
    isConnected: snapshot.isConnected,
    error: snapshot.error,
  };
}
