import type {
  ExecutionEvent,
  StepStatus,
  WorkflowComponentMetadata,
  WorkflowData,
  WorkflowIssue,
} from '@flowloom/core';
import type { Connection, Edge, EdgeChange, Node, NodeChange, XYPosition } from '@xyflow/react';

/** What a node on the canvas carries: the document's node data plus the editor's own view. */
export type EditorNodeData = {
  /** Parameter values by name (the document's `data.parameters`). */
  parameters: Record<string, unknown>;
  /** Label shown instead of the component's name. */
  label?: string;
  /** Timeout and retry settings (the document's `data.settings`). */
  settings?: WorkflowData['nodes'][number]['data']['settings'];
};

/** A node of the editor: an @xyflow/react node whose `type` is the component type. */
export type EditorNode = Node<EditorNodeData, string>;
/** An edge of the editor. */
export type EditorEdge = Edge;

/** Why a connection was refused while being drawn. */
export type ConnectionRefusal =
  | 'self_loop'
  | 'cycle'
  | 'wrong_direction'
  | 'duplicate'
  | 'unknown_handle';

/** The editor's state: one store per editor (CONVENTIONS.md 3). */
export interface EditorState {
  /** The saved workflow this is, once saved or loaded. */
  workflowId: string | undefined;
  /**
   * The saved version the editor's workflow is based on (the one loaded or last saved): the next
   * save sends it as `expected_version`, so a save made elsewhere meanwhile is not overwritten.
   */
  version: number | undefined;
  /** The workflow's name. */
  name: string;
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** Ids of the selected nodes. */
  selectedNodeIds: string[];
  /** Whether there are changes not saved yet. */
  dirty: boolean;
  /** Counts the edits made; a save passes the revision it saved so later edits stay dirty. */
  revision: number;
  /** Component metadata by type, for handles, forms and connection checks. */
  components: Record<string, WorkflowComponentMetadata>;
  /** The server's validation of the last save, by node id (and `''` for the whole workflow). */
  issuesByNode: Record<string, WorkflowIssue[]>;
  /** Live status of each node during a run, from execution events. */
  runStatus: Record<string, StepStatus>;
  /** Undo and redo stacks of `{ nodes, edges }` snapshots. */
  past: Array<{ nodes: EditorNode[]; edges: EditorEdge[] }>;
  future: Array<{ nodes: EditorNode[]; edges: EditorEdge[] }>;
  /** Nodes and edges copied with copy(). */
  clipboard: { nodes: EditorNode[]; edges: EditorEdge[] } | undefined;
}

/** What the editor store can do. Every change that edits the workflow can be undone. */
export interface EditorActions {
  setComponents(components: readonly WorkflowComponentMetadata[]): void;
  setName(name: string): void;
  /** Adds a node of a component at a position (defaults applied); returns its id. */
  addNode(componentType: string, position: XYPosition): string;
  /** Removes the selected nodes (or the given ones) and their edges. */
  removeNodes(nodeIds?: readonly string[]): void;
  /** Connects two handles, or says why not (no self-loops, no cycles, source to target only). */
  connect(connection: Connection): { ok: true } | { ok: false; reason: ConnectionRefusal };
  /**
   * Checks a connection without making it (for @xyflow/react's `isValidConnection`): the same
   * checks as `connect`.
   */
  checkConnection(connection: Connection): { ok: true } | { ok: false; reason: ConnectionRefusal };
  /** Sets one parameter of a node. Consecutive edits of the same field are one undo step. */
  setParameter(nodeId: string, name: string, value: unknown): void;
  setNodeLabel(nodeId: string, label: string): void;
  /** Replaces a node's timeout and retry settings (`undefined` clears them). */
  setNodeSettings(nodeId: string, settings: EditorNodeData['settings']): void;
  /** Applies @xyflow/react's node changes (drag, select, remove, dimensions). */
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  select(nodeIds: readonly string[]): void;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(offset?: XYPosition): void;
  /** Replaces the workflow (after a load); clears history and the dirty flag. */
  load(workflow: {
    workflowId?: string;
    name: string;
    workflow_data: WorkflowData;
    /** The saved version loaded. */
    version?: number;
  }): void;
  /** The document to save, in @xyflow/react's serialised form. */
  toWorkflowData(): WorkflowData;
  /**
   * After a save: the id, the server's validation, and a clean dirty flag.
   *
   * @param savedRevision - the `revision` that was sent; when edits were made since, the
   * workflow stays dirty.
   * @param version - the version the save created; without it, the version stays as it was for
   * the same workflow and is unknown for another.
   */
  markSaved(
    workflowId: string,
    issues: readonly WorkflowIssue[],
    savedRevision?: number,
    version?: number,
  ): void;
  /** Applies an execution event to the nodes' live status (`execution_started` resets it). */
  applyExecutionEvent(event: ExecutionEvent): void;
  /** Moves nodes to new positions (auto-layout); undoable. */
  setPositions(positions: Record<string, XYPosition>): void;
}

/** The editor store's whole surface. */
export type EditorStore = EditorState & EditorActions;
