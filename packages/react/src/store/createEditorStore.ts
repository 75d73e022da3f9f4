import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { anyNodeMoved } from './anyNodeMoved';
import { clipboardActions } from './clipboardActions';
import type { EditorStoreKit } from './editorStoreKit';
import type { EditorEdge, EditorNode, EditorState, EditorStore } from './editorTypes';
import { emptyEditorState } from './emptyEditorState';
import { fromWorkflowData } from './fromWorkflowData';
import { graphActions } from './graphActions';
import { groupIssuesByNode } from './groupIssuesByNode';
import { isStructuralChange } from './isStructuralChange';
import { keepProblemsCurrent } from './keepProblemsCurrent';
import { nextRunData } from './nextRunData';
import { nextRunStatus } from './nextRunStatus';
import { toWorkflowData } from './toWorkflowData';
import { withSelection } from './withSelection';
import { workbenchActions } from './workbenchActions';

/** A vanilla zustand store holding one editor's state. */
export type EditorStoreApi = StoreApi<EditorStore>;

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 100;

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
 * The store itself. The actions that read or reset the history's bookkeeping (drags, joined
 * edits, removals) live here with it; the other edits are grouped in graphActions,
 * clipboardActions and workbenchActions, which get `commit` through the kit.
 */
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

    const kit: EditorStoreKit = { get, set, commit };

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

    /**
     * Shows a snapshot of the history, keeping the current selection, with the history's new
     * past and future: one undo or redo.
     */
    const travel = (snapshot: Snapshot, past: Snapshot[], future: Snapshot[]): void => {
      dragStart = undefined;
      lastEditKey = undefined;
      const selected = new Set(get().selectedNodeIds);
      const nodes = withSelection(snapshot.nodes, selected);
      set({
        nodes,
        edges: snapshot.edges,
        selectedNodeIds: nodes.filter((node) => selected.has(node.id)).map((node) => node.id),
        past,
        future,
        dirty: true,
        revision: get().revision + 1,
      });
    };

    return {
      ...emptyEditorState(),
      ...initial,
      ...workbenchActions(kit),
      ...graphActions(kit),
      ...clipboardActions(kit),

      setName(name) {
        const state = get();
        if (name === state.name) return;
        lastEditKey = undefined;
        set({ name, dirty: true, revision: state.revision + 1 });
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
        travel(
          previous,
          state.past.slice(0, -1),
          [{ nodes: state.nodes, edges: state.edges }, ...state.future].slice(0, HISTORY_LIMIT),
        );
      },

      redo() {
        const state = get();
        const next = state.future[0];
        if (!next) return;
        travel(
          next,
          [...state.past, { nodes: state.nodes, edges: state.edges }].slice(-HISTORY_LIMIT),
          state.future.slice(1),
        );
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

      setComponents(components) {
        set({
          components: Object.fromEntries(
            components.map((component) => [component.type, component]),
          ),
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
    };
  });
}
