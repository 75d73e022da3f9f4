import type { SavedWorkflow } from '@flowloom/core';
import { useCallback, useRef } from 'react';
import type {
  ClientError,
  ClientResult,
  SaveWorkflowResult,
  VersionConflictClientError,
} from '../client/clientTypes';
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

/** Options of {@link UseWorkflowEditorResult.save}. */
export interface SaveOptions {
  /**
   * The version this save is based on, instead of the one loaded or last saved: after a version
   * conflict, its `current_version` saves over what was saved meanwhile (an overwrite).
   */
  expectedVersion?: number;
}

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
  /**
   * Saves the workflow as a new version (a draft may be invalid); the server's validation marks
   * the nodes. It sends the version loaded or last saved as `expected_version`: when the workflow
   * was saved elsewhere meanwhile it fails with a {@link VersionConflictClientError} (tell it
   * apart with `isVersionConflict`) and nothing is written.
   */
  save: (
    options?: SaveOptions,
  ) => Promise<ClientResult<SaveWorkflowResult, ClientError | VersionConflictClientError>>;
  /**
   * Loads a saved workflow (its latest version, or `options.version`), replacing what is there.
   * Of loads that overlap, the one asked for last wins: an earlier one that answers after it
   * resolves with its result but leaves the editor alone.
   */
  load: (
    workflowId: string,
    options?: { version?: number },
  ) => Promise<ClientResult<SavedWorkflow>>;
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

  const save = useCallback(
    async (options: SaveOptions = {}) => {
      const state = store.getState();
      const revision = state.revision;
      const expected =
        state.workflowId === undefined ? undefined : (options.expectedVersion ?? state.version);
      const result = await client.saveWorkflow({
        ...(state.workflowId === undefined ? {} : { workflow_id: state.workflowId }),
        ...(expected === undefined ? {} : { expected_version: expected }),
        name: state.name,
        workflow_data: state.toWorkflowData(),
      });
      if (result.success) {
        const { workflow_id, validation, version } = result.data;
        store.getState().markSaved(workflow_id, validation.errors, revision, version);
      }
      return result;
    },
    [store, client],
  );

  // Loads that were asked for: an answer to one a later load overtook is not applied.
  const loads = useRef(0);
  const load = useCallback(
    async (workflowId: string, options?: { version?: number }) => {
      loads.current += 1;
      const ticket = loads.current;
      const result =
        options?.version === undefined
          ? await client.loadWorkflow(workflowId)
          : await client.loadWorkflow(workflowId, { version: options.version });
      if (result.success && ticket === loads.current) {
        const { workflow_id, name: loadedName, workflow_data, version } = result.data;
        store
          .getState()
          .load({ workflowId: workflow_id, name: loadedName, workflow_data, version });
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
