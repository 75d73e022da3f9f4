import type { XYPosition } from '@xyflow/react';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { anyNodeMoved } from './anyNodeMoved';
import { checkConnection } from './checkConnection';
import { collectProblems } from './collectProblems';
import { copySelection } from './copySelection';
import { defaultParameters } from './defaultParameters';
import type {
  EditorEdge,
  EditorNode,
  EditorNodeData,
  EditorState,
  EditorStore,
} from './editorTypes';
import { emptyEditorState } from './emptyEditorState';
import { freeOffset } from './findFreePosition';
import { fromWorkflowData } from './fromWorkflowData';
import { groupIssuesByNode } from './groupIssuesByNode';
import { isStructuralChange } from './isStructuralChange';
import { newEdgeId } from './newEdgeId';
import { newNodeId } from './newNodeId';
import { nextRunData } from './nextRunData';
import { nextRunStatus } from './nextRunStatus';
import { pasteClipboard } from './pasteClipboard';
import { toWorkflowData } from './toWorkflowData';
import { withSelection } from './withSelection';
import { workbenchActions } from './workbenchActions';

/** A vanilla zustand store holding one editor's state. */
export type EditorStoreApi = StoreApi<EditorStore>;

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 100;

/**
 * How far a paste lands from the copied nodes at least (and each further paste from the last):
 * it goes to the free spot nearest that, so it never covers a node.
 */
const PASTE_OFFSET: XYPosition = { x: 40, y: 40 };

type Snapshot = { nodes: EditorNode[]; edges: EditorEdge[] };

/**
 * Makes the store of one editor: nodes, edges, selection, undo/redo, clipboard, the server's
 * validation and the nodes' live run status. `<EditorStoreProvider>` holds one per editor.
 *
 * @remarks Every workflow edit is one undo step and sets `dirty`: a drag becomes one step when
 * it ends, consecutive edits of one form field are one step, and xyflow's delete (edges, then
 * nodes) is one step. Selection, sizes and run status are neither history nor edits.
 * @example
 * const store = createEditorStore({ name: 'Orders' });
 * store.getState().setComponents(componentRegistry.getAllComponents());
 * const id = store.getState().addNode('manual_trigger', { x: 0, y: 0 });
 */
export function createEditorStore(initial: Partial<EditorState> = {}): EditorStoreApi {
  const store = createEditorStoreOnly(initial);
  keepProblemsCurrent(store);
  return store;
}

/**
 * Recomputes `problemsByNode` and `invalidEdgeIds` whenever what they depend on changes: the
 * last save's issues, the edges, the node ids, the components or the language of its messages
 * (not on a drag or a form edit).
 */
function keepProblemsCurrent(store: EditorStoreApi): void {
  let seen:
    | { issues: unknown; edges: unknown; components: unknown; text: unknown; ids: string[] }
    | undefined;
  const update = (state: EditorStore) => {
    const ids = state.nodes.map((node) => node.id);
    if (
      seen &&
      seen.issues === state.issuesByNode &&
      seen.edges === state.edges &&
      seen.components === state.components &&
      seen.text === state.problemText &&
      seen.ids.length === ids.length &&
      seen.ids.every((id, at) => id === ids[at])
    ) {
      return;
    }
    seen = {
      issues: state.issuesByNode,
      edges: state.edges,
      components: state.components,
      text: state.problemText,
      ids,
    };
    store.setState(collectProblems(state, state.problemsByNode));
  };
  update(store.getState());
  store.subscribe(update);
}

function createEditorStoreOnly(initial: Partial<EditorState>): EditorStoreApi {
  // History bookkeeping outside the state: nothing renders it.
  /** Nodes and edges before the drag in progress. */
  let dragStart: Snapshot | undefined;
  /** Key of the last edit; the next edit with the same key joins its undo step. */
  let lastEditKey: string | undefined;
  /** Key shared by the removals of one task. */
  let removalKey: string | undefined;
  let removals = 0;

  return createStore<EditorStore>()((set, get) => {
    /** Applies an edit as one undo step (or as part of the last one, for the same `key`). */
    const commit = (change: Partial<EditorState>, key?: string, before?: Snapshot): void => {
      const state = get();
      const joins = key !== undefined && key === lastEditKey && state.past.length > 0;
      lastEditKey = key;
      const previous = before ?? { nodes: state.nodes, edges: state.edges };
      set({
        ...change,
        past: joins ? state.past : [...state.past, previous].slice(-HISTORY_LIMIT),
        future: [],
        dirty: true,
        revision: state.revision + 1,
      });
    };

    const nextRemovalKey = (): string => {
      if (removalKey === undefined) {
        removals += 1;
        removalKey = `remove#${removals}`;
        // xyflow deletes the edges, then the nodes, in one task: both make one undo step.
        queueMicrotask(() => {
          removalKey = undefined;
        });
      }
      return removalKey;
    };

    const updateNodeData = (
      nodeId: string,
      update: (data: EditorNodeData) => EditorNodeData,
      key: string,
    ): void => {
      const state = get();
      let changed = false;
      const nodes = state.nodes.map((node) => {
        if (node.id !== nodeId) return node;
        const data = update(node.data);
        if (data === node.data) return node;
        changed = true;
        return { ...node, data };
      });
      if (changed) commit({ nodes }, key);
    };

    /** A history snapshot as the current state, keeping the current selection. */
    const restore = (snapshot: Snapshot): Partial<EditorState> => {
      const selected = new Set(get().selectedNodeIds);
      const nodes = withSelection(snapshot.nodes, selected);
      return {
        nodes,
        edges: snapshot.edges,
        selectedNodeIds: nodes.filter((node) => selected.has(node.id)).map((node) => node.id),
      };
    };

    return {
      ...emptyEditorState(),
      ...initial,
      ...workbenchActions({ get, set, commit: (change) => commit(change) }),

      setComponents(components) {
        set({
          components: Object.fromEntries(
            components.map((component) => [component.type, component]),
          ),
        });
      },

      setName(name) {
        const state = get();
        if (name === state.name) return;
        lastEditKey = undefined;
        set({ name, dirty: true, revision: state.revision + 1 });
      },

      addNode(componentType, position) {
        const state = get();
        const component = state.components[componentType];
        const id = newNodeId(componentType, new Set(state.nodes.map((node) => node.id)));
        const data: EditorNodeData = { parameters: defaultParameters(component) };
        if (component) data.label = component.name;
        const node: EditorNode = { id, type: componentType, position: { ...position }, data };
        commit({ nodes: [...state.nodes, node] });
        return id;
      },

      removeNodes(nodeIds) {
        const state = get();
        const ids = new Set(nodeIds ?? state.selectedNodeIds);
        if (!state.nodes.some((node) => ids.has(node.id))) return;
        commit({
          nodes: state.nodes.filter((node) => !ids.has(node.id)),
          edges: state.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)),
          selectedNodeIds: state.selectedNodeIds.filter((id) => !ids.has(id)),
        });
      },

      checkConnection(connection) {
        const check = checkConnection(get(), connection);
        return check.ok ? { ok: true } : check;
      },

      connect(connection) {
        const state = get();
        const check = checkConnection(state, connection);
        if (!check.ok) return check;
        const ends = {
          source: connection.source,
          sourceHandle: check.sourceHandle,
          target: connection.target,
          targetHandle: check.targetHandle,
        };
        const id = newEdgeId(ends, new Set(state.edges.map((edge) => edge.id)));
        commit({ edges: [...state.edges, { id, ...ends }] });
        return { ok: true };
      },

      setParameter(nodeId, name, value) {
        updateNodeData(
          nodeId,
          (data) =>
            Object.is(data.parameters[name], value) && name in data.parameters
              ? data
              : { ...data, parameters: { ...data.parameters, [name]: value } },
          `parameter:${nodeId}:${name}`,
        );
      },

      setNodeLabel(nodeId, label) {
        updateNodeData(
          nodeId,
          (data) => (data.label === label ? data : { ...data, label }),
          `label:${nodeId}`,
        );
      },

      setNodeSettings(nodeId, settings) {
        updateNodeData(
          nodeId,
          (data) => {
            if (data.settings === settings) return data;
            const { settings: _old, ...rest } = data;
            return settings === undefined ? rest : { ...rest, settings };
          },
          `settings:${nodeId}`,
        );
      },

      onNodesChange(changes) {
        if (changes.length === 0) return;
        const state = get();
        const nodes = applyNodeChanges(changes, state.nodes);
        const change: Partial<EditorState> = { nodes };
        if (changes.some((c) => c.type !== 'position' && c.type !== 'dimensions')) {
          change.selectedNodeIds = nodes.filter((node) => node.selected).map((node) => node.id);
        }
        const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
        if (changes.some(isStructuralChange)) {
          dragStart = undefined;
          if (removed.size > 0) {
            change.edges = state.edges.filter(
              (edge) => !removed.has(edge.source) && !removed.has(edge.target),
            );
          }
          const onlyRemovals = !changes.some((c) => c.type === 'add' || c.type === 'replace');
          commit(change, onlyRemovals ? nextRemovalKey() : undefined);
          return;
        }
        const positions = changes.filter((c) => c.type === 'position');
        if (positions.length === 0) {
          set(change);
          return;
        }
        if (positions.some((c) => c.dragging)) {
          // Mid-drag: shown live, recorded as one step when the drag ends.
          dragStart ??= { nodes: state.nodes, edges: state.edges };
          set(change);
          return;
        }
        const before = dragStart ?? { nodes: state.nodes, edges: state.edges };
        dragStart = undefined;
        if (anyNodeMoved(before.nodes, nodes)) commit(change, undefined, before);
        else set(change);
      },

      onEdgesChange(changes) {
        const state = get();
        const existing = new Set(state.edges.map((edge) => edge.id));
        // Removing an edge that went with its node changes nothing and makes no undo step.
        const relevant = changes.filter((c) => c.type === 'add' || existing.has(c.id));
        if (relevant.length === 0) return;
        const edges = applyEdgeChanges(relevant, state.edges);
        if (!relevant.some(isStructuralChange)) {
          set({ edges });
          return;
        }
        const onlyRemovals = relevant.every((c) => c.type === 'remove' || c.type === 'select');
        commit({ edges }, onlyRemovals ? nextRemovalKey() : undefined);
      },

      select(nodeIds) {
        const ids = new Set(nodeIds);
        const nodes = withSelection(get().nodes, ids);
        set({ nodes, selectedNodeIds: nodes.filter((node) => ids.has(node.id)).map((n) => n.id) });
      },

      undo() {
        const state = get();
        const previous = state.past.at(-1);
        if (!previous) return;
        dragStart = undefined;
        lastEditKey = undefined;
        set({
          ...restore(previous),
          past: state.past.slice(0, -1),
          future: [{ nodes: state.nodes, edges: state.edges }, ...state.future].slice(
            0,
            HISTORY_LIMIT,
          ),
          dirty: true,
          revision: state.revision + 1,
        });
      },

      redo() {
        const state = get();
        const next = state.future[0];
        if (!next) return;
        dragStart = undefined;
        lastEditKey = undefined;
        set({
          ...restore(next),
          past: [...state.past, { nodes: state.nodes, edges: state.edges }].slice(-HISTORY_LIMIT),
          future: state.future.slice(1),
          dirty: true,
          revision: state.revision + 1,
        });
      },

      copy() {
        const state = get();
        if (state.selectedNodeIds.length === 0) return;
        set({ clipboard: copySelection(state) });
      },

      paste(given) {
        const state = get();
        const clipboard = state.clipboard;
        if (!clipboard || clipboard.nodes.length === 0) return;
        const offset = given ?? freeOffset(state.nodes, clipboard.nodes, PASTE_OFFSET);
        const pasted = pasteClipboard(state, clipboard, offset);
        commit({
          nodes: [...withSelection(state.nodes, new Set()), ...pasted.nodes],
          edges: [...state.edges, ...pasted.edges],
          selectedNodeIds: pasted.nodes.map((node) => node.id),
          // The next paste lands one offset further instead of on top of this one.
          clipboard: {
            nodes: clipboard.nodes.map((node) => ({
              ...node,
              position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
            })),
            edges: clipboard.edges,
          },
        });
      },

      load({ workflowId, name, workflow_data, version }) {
        dragStart = undefined;
        lastEditKey = undefined;
        const { nodes, edges } = fromWorkflowData(workflow_data);
        set({
          workflowId,
          version,
          name,
          nodes,
          edges,
          selectedNodeIds: [],
          dirty: false,
          revision: get().revision + 1,
          issuesByNode: {},
          runStatus: {},
          runData: undefined,
          focusRequest: undefined,
          past: [],
          future: [],
        });
      },

      toWorkflowData() {
        const state = get();
        return toWorkflowData(state.nodes, state.edges);
      },

      markSaved(workflowId, issues, savedRevision, version) {
        const state = get();
        set({
          workflowId,
          version: version ?? (workflowId === state.workflowId ? state.version : undefined),
          issuesByNode: groupIssuesByNode(issues),
          // Edits made while the save was under way are not saved yet.
          dirty: savedRevision !== undefined && savedRevision !== state.revision,
        });
      },

      applyExecutionEvent(event) {
        const state = get();
        const runStatus = nextRunStatus(state.runStatus, event);
        const runData = nextRunData(state.runData, event);
        if (runStatus !== state.runStatus || runData !== state.runData) set({ runStatus, runData });
      },

      setPositions(positions) {
        const state = get();
        let changed = false;
        const nodes = state.nodes.map((node) => {
          const position = positions[node.id];
          if (!position || (position.x === node.position.x && position.y === node.position.y)) {
            return node;
          }
          changed = true;
          return { ...node, position: { x: position.x, y: position.y } };
        });
        if (changed) commit({ nodes });
      },
    };
  });
}
