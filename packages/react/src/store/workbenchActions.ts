import type { XYPosition } from '@xyflow/react';
import { copySelection } from './copySelection';
import { defaultParameters } from './defaultParameters';
import { edgeForConnection } from './edgeForConnection';
import type {
  EditorActions,
  EditorNode,
  EditorNodeData,
  EditorState,
  EditorStore,
} from './editorTypes';
import { freeOffset } from './findFreePosition';
import { newNodeId } from './newNodeId';
import { pasteClipboard } from './pasteClipboard';
import { withSelection } from './withSelection';

/** How far a duplicate lands from its original, at least. */
const DUPLICATE_OFFSET: XYPosition = { x: 40, y: 40 };

/** What the workbench actions need from the store that holds them. */
export interface StoreKit {
  get: () => EditorStore;
  set: (change: Partial<EditorState>) => void;
  /** Applies an edit as one undo step. */
  commit: (change: Partial<EditorState>) => void;
}

type WorkbenchActions = Pick<
  EditorActions,
  | 'selectAll'
  | 'duplicate'
  | 'cut'
  | 'setNodesDisabled'
  | 'setPinnedInput'
  | 'insertConnectedNode'
  | 'revealProblem'
>;

let focusRequests = 0;

/**
 * The editor store's workbench actions: select all, duplicate, cut, disable, pinned test input,
 * inserting a node on a dropped connection, and revealing a problem's field.
 */
export function workbenchActions({ get, set, commit }: StoreKit): WorkbenchActions {
  const editNodes = (ids: ReadonlySet<string>, edit: (data: EditorNodeData) => EditorNodeData) => {
    let changed = false;
    const nodes = get().nodes.map((node) => {
      if (!ids.has(node.id)) return node;
      const data = edit(node.data);
      if (data === node.data) return node;
      changed = true;
      return { ...node, data };
    });
    if (changed) commit({ nodes });
  };

  return {
    selectAll() {
      const nodes = get().nodes;
      set({
        nodes: withSelection(nodes, new Set(nodes.map((node) => node.id))),
        selectedNodeIds: nodes.map((node) => node.id),
      });
    },

    duplicate(nodeIds) {
      const state = get();
      const ids = nodeIds ?? state.selectedNodeIds;
      if (ids.length === 0) return;
      const copied = copySelection({ ...state, selectedNodeIds: [...ids] });
      const offset = freeOffset(state.nodes, copied.nodes, DUPLICATE_OFFSET);
      const pasted = pasteClipboard(state, copied, offset);
      commit({
        nodes: [...withSelection(state.nodes, new Set()), ...pasted.nodes],
        edges: [...state.edges, ...pasted.edges],
        selectedNodeIds: pasted.nodes.map((node) => node.id),
      });
    },

    cut() {
      const state = get();
      if (state.selectedNodeIds.length === 0) return;
      const ids = new Set(state.selectedNodeIds);
      const clipboard = copySelection(state);
      commit({
        clipboard,
        nodes: state.nodes.filter((node) => !ids.has(node.id)),
        edges: state.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)),
        selectedNodeIds: [],
      });
    },

    setNodesDisabled(nodeIds, disabled) {
      editNodes(new Set(nodeIds), (data) => {
        if (Boolean(data.disabled) === disabled) return data;
        if (disabled) return { ...data, disabled: true };
        const { disabled: _was, ...rest } = data;
        return rest;
      });
    },

    setPinnedInput(nodeId, input) {
      editNodes(new Set([nodeId]), (data) => {
        if (input === undefined) {
          if (data.pinned_input === undefined) return data;
          const { pinned_input: _was, ...rest } = data;
          return rest;
        }
        return { ...data, pinned_input: structuredClone(input) };
      });
    },

    insertConnectedNode(componentType, position, from) {
      const state = get();
      const component = state.components[componentType];
      const handles =
        from.handleType === 'source' ? component?.input_handles : component?.output_handles;
      const handle = handles?.[0];
      if (!component || !handle) return undefined;
      const id = newNodeId(componentType, new Set(state.nodes.map((node) => node.id)));
      const node: EditorNode = {
        id,
        type: componentType,
        position: { ...position },
        data: { parameters: defaultParameters(component), label: component.name },
        selected: true,
      };
      const nodes = [...withSelection(state.nodes, new Set()), node];
      const connection =
        from.handleType === 'source'
          ? {
              source: from.nodeId,
              sourceHandle: from.handleId,
              target: id,
              targetHandle: handle.id,
            }
          : {
              source: id,
              sourceHandle: handle.id,
              target: from.nodeId,
              targetHandle: from.handleId,
            };
      const made = edgeForConnection({ ...state, nodes }, connection);
      if (!made.ok) return undefined;
      commit({ nodes, edges: [...state.edges, made.edge], selectedNodeIds: [id] });
      return id;
    },

    revealProblem(nodeId, field) {
      const state = get();
      if (!state.nodes.some((node) => node.id === nodeId)) return;
      focusRequests += 1;
      set({
        nodes: withSelection(state.nodes, new Set([nodeId])),
        selectedNodeIds: [nodeId],
        focusRequest: { nodeId, ...(field === undefined ? {} : { field }), seq: focusRequests },
      });
    },
  };
}
