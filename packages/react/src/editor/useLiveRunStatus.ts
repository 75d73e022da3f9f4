import { useEffect, useRef } from 'react';
import { useWorkflowExecution } from '../hooks/useWorkflowExecution';
import { useEditorStoreApi } from '../store/useEditorStoreApi';

/**
 * Applies a run's execution events to the editor store as they arrive, so each node shows its
 * live status (running, completed, failed, skipped). Each event is applied once, in `seq` order.
 */
export function useLiveRunStatus(instanceId: string | undefined): void {
  const store = useEditorStoreApi();
  const { executionEvents } = useWorkflowExecution(instanceId);
  const applied = useRef({ instanceId, seq: 0 });

  useEffect(() => {
    if (instanceId === undefined) return;
    if (applied.current.instanceId !== instanceId) applied.current = { instanceId, seq: 0 };
    const fresh = executionEvents
      .filter((event) => event.instance_id === instanceId && event.seq > applied.current.seq)
      .sort((a, b) => a.seq - b.seq);
    for (const event of fresh) {
      store.getState().applyExecutionEvent(event);
      applied.current.seq = event.seq;
    }
  }, [executionEvents, instanceId, store]);
}
