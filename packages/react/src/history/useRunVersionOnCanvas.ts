import { useEffect, useState } from 'react';
import type { ClientError } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import type { EditorStoreApi } from '../store/createEditorStore';
import { editorRunViewOf } from './editorRunView';

/** The saved version a run ran. */
export interface RunVersion {
  workflowId: string;
  version: number;
}

/** What {@link useRunVersionOnCanvas} returns. */
export interface RunVersionOnCanvas {
  /** The older version shown read-only on the canvas, if one is. */
  readOnlyVersion: number | undefined;
  /** Why that version could not be loaded. */
  error: ClientError | null;
}

/**
 * Shows the version a run ran on the editor's canvas while the run is open: when it is another
 * version of the editor's workflow, that version is loaded read-only (`loadWorkflow(id, {
 * version })`) and the editor's own workflow, unsaved changes and undo history included, comes
 * back when the run is closed. The same version, or a run of another workflow, changes nothing.
 */
export function useRunVersionOnCanvas(
  store: EditorStoreApi | null,
  run: RunVersion | undefined,
): RunVersionOnCanvas {
  const client = useWorkflowClient();
  const [readOnlyVersion, setReadOnlyVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<ClientError | null>(null);
  const workflowId = run?.workflowId;
  const version = run?.version;

  useEffect(() => {
    if (!store || workflowId === undefined || version === undefined) return;
    const before = store.getState();
    if (before.workflowId !== workflowId || before.version === version) return;
    const view = editorRunViewOf(store);
    let cancelled = false;
    let loaded = false;
    setError(null);
    void client.loadWorkflow(workflowId, { version }).then((result) => {
      if (cancelled) return;
      if (!result.success) {
        setError(result.error);
        return;
      }
      const saved = result.data;
      store.getState().load({
        workflowId: saved.workflow_id,
        name: saved.name,
        workflow_data: saved.workflow_data,
        version: saved.version,
      });
      loaded = true;
      view.setReadOnlyVersion(saved.version);
      setReadOnlyVersion(saved.version);
    });
    return () => {
      cancelled = true;
      if (!loaded) return;
      // The editor's own workflow as it was: document, unsaved changes, history, selection.
      store.setState(before, true);
      view.setReadOnlyVersion(undefined);
      setReadOnlyVersion(undefined);
    };
  }, [store, client, workflowId, version]);

  return { readOnlyVersion, error };
}
