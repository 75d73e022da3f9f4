import { useEffect, useRef } from 'react';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import type { EditorStoreApi } from '../store/createEditorStore';
import type { NodeRunStatus } from '../store/nextRunStatus';
import { liveRunStatusOf } from './liveRunStatusOf';

/**
 * Paints the nodes of an editor with `shown` (a run opened from history, or a moment of the
 * timeline) instead of the live run's statuses, for as long as `shown` is given. The live run
 * keeps updating the store meanwhile; its changes are painted over. When `shown` ends, the
 * nodes show the live run (`liveInstanceId`) again, as far as it has come.
 */
export function useCanvasRunStatus(
  store: EditorStoreApi | null,
  shown: Record<string, NodeRunStatus> | undefined,
  liveInstanceId: string | undefined,
): void {
  const client = useWorkflowClient();
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const liveRef = useRef(liveInstanceId);
  liveRef.current = liveInstanceId;
  const active = store !== null && shown !== undefined;

  useEffect(() => {
    if (!store || !active) return;
    const paint = () => {
      const wanted = shownRef.current;
      if (wanted && store.getState().runStatus !== wanted) store.setState({ runStatus: wanted });
    };
    const stop = store.subscribe(paint);
    return () => {
      stop();
      store.setState({ runStatus: liveRunStatusOf(client, liveRef.current) });
    };
  }, [store, active, client]);

  useEffect(() => {
    if (store && shown && store.getState().runStatus !== shown)
      store.setState({ runStatus: shown });
  }, [store, shown]);
}
