import type { SavedWorkflow } from '@flowloom/core';
import { useCallback } from 'react';
import type { ClientResult, SaveWorkflowResult } from '../client/clientTypes';
import {
  selectCanRedo,
  selectCanUndo,
  selectDirty,
  selectEdges,
  selectName,
  selectNodes,
  selectSelectedNodeIds,
} from '../store/editorSelectors';
import type { EditorActions, EditorEdge, EditorNode } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useWorkflowEditor} returns. */
export interface UseWorkflowEditorResult {
  nodes: EditorNode[];
  edges: EditorEdge[];
  selectedNodeIds: string[];
  /** Whether there are unsaved changes. */
  dirty: boolean;
  /** The workflow's name. */
  name: string;
  addNode: EditorActions['addNode'];
  removeNodes: EditorActions['removeNodes'];
  connect: EditorActions['connect'];
  undo: EditorActions['undo'];
  redo: EditorActions['redo'];
  canUndo: boolean;
  canRedo: boolean;
  /** Saves the workflow (a draft may be invalid); the server's validation marks the nodes. */
  save: () => Promise<ClientResult<SaveWorkflowResult>>;
  /** Loads a saved workflow into the editor, replacing what is there. */
  load: (workflowId: string) => Promise<ClientResult<SavedWorkflow>>;
}

/**
 * The enclosing editor's state and actions, with save and load through the client.
 *
 * @throws outside an `<EditorStoreProvider>` (the `<WorkflowEditor>` provides one).
 * @example
 * const { dirty, save } = useWorkflowEditor();
 * <button disabled={!dirty} onClick={() => void save()}>Save</button>
 */
export function useWorkflowEditor(): UseWorkflowEditorResult {
  const store = useEditorStoreApi();
  const client = useWorkflowClient();
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const selectedNodeIds = useEditorStore(selectSelectedNodeIds);
  const dirty = useEditorStore(selectDirty);
  const name = useEditorStore(selectName);
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);

  const save = useCallback(async () => {
    const state = store.getState();
    const revision = state.revision;
    const result = await client.saveWorkflow({
      ...(state.workflowId === undefined ? {} : { workflow_id: state.workflowId }),
      name: state.name,
      workflow_data: state.toWorkflowData(),
    });
    if (result.success) {
      store.getState().markSaved(result.data.workflow_id, result.data.validation.errors, revision);
    }
    return result;
  }, [store, client]);

  const load = useCallback(
    async (workflowId: string) => {
      const result = await client.loadWorkflow(workflowId);
      if (result.success) {
        const { workflow_id, name: loadedName, workflow_data } = result.data;
        store.getState().load({ workflowId: workflow_id, name: loadedName, workflow_data });
      }
      return result;
    },
    [store, client],
  );

  // Actions are created once with the store and never change.
  const { addNode, removeNodes, connect, undo, redo } = store.getState();
  return {
    nodes,
    edges,
    selectedNodeIds,
    dirty,
    name,
    addNode,
    removeNodes,
    connect,
    undo,
    redo,
    canUndo,
    canRedo,
    save,
    load,
  };
}
