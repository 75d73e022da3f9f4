import type { EditorNode, EditorStore } from './editorTypes';

// Module-level selectors for `useEditorStore` (CONVENTIONS.md 3): stable references that return
// values already held by the state, so a component re-renders only when its slice changes.

/** The nodes. */
export const selectNodes = (state: EditorStore) => state.nodes;
/** The edges. */
export const selectEdges = (state: EditorStore) => state.edges;
/** Ids of the selected nodes. */
export const selectSelectedNodeIds = (state: EditorStore) => state.selectedNodeIds;
/** The one selected node, or undefined when none or several are selected. */
export const selectSelectedNode = (state: EditorStore): EditorNode | undefined =>
  state.selectedNodeIds.length === 1
    ? state.nodes.find((node) => node.id === state.selectedNodeIds[0])
    : undefined;
/** The workflow's name. */
export const selectName = (state: EditorStore) => state.name;
/** The saved workflow's id. */
export const selectWorkflowId = (state: EditorStore) => state.workflowId;
/** The saved version the editor's workflow is based on. */
export const selectVersion = (state: EditorStore) => state.version;
/** Whether there are unsaved changes. */
export const selectDirty = (state: EditorStore) => state.dirty;
/** Whether there is a step to undo. */
export const selectCanUndo = (state: EditorStore) => state.past.length > 0;
/** Whether there is a step to redo. */
export const selectCanRedo = (state: EditorStore) => state.future.length > 0;
/** Whether the clipboard holds nodes to paste. */
export const selectCanPaste = (state: EditorStore) => (state.clipboard?.nodes.length ?? 0) > 0;
/** Component metadata by type. */
export const selectComponents = (state: EditorStore) => state.components;
/** The last save's validation issues by node id (`''` for the whole workflow). */
export const selectIssuesByNode = (state: EditorStore) => state.issuesByNode;
/** The nodes' live run status. */
export const selectRunStatus = (state: EditorStore) => state.runStatus;
/** Every problem to show by node id (`''` for the workflow): the save's and the graph check's. */
export const selectProblemsByNode = (state: EditorStore) => state.problemsByNode;
/** Ids of the edges with a problem. */
export const selectInvalidEdgeIds = (state: EditorStore) => state.invalidEdgeIds;
/** Input, variables and step outputs of the last run followed. */
export const selectRunData = (state: EditorStore) => state.runData;
/** The last request to focus a node's field. */
export const selectFocusRequest = (state: EditorStore) => state.focusRequest;
/** Whether the canvas has no node. */
export const selectIsEmpty = (state: EditorStore) => state.nodes.length === 0;
