import type {
  ExecutionEvent,
  WorkflowComponentMetadata,
  WorkflowData,
  WorkflowIssue,
} from '@flowloom/core';
import type { Connection, Edge, EdgeChange, Node, NodeChange, XYPosition } from '@xyflow/react';
import type { Messages } from '../i18n/Messages';
import type { NodeRunStatus } from './nextRunStatus';

/**
 * What a failed step does: fail the run (the default), follow the step's `error` handle, or
 * continue as if it had completed (the document's `data.settings.on_error`).
 */
export type OnErrorMode = 'fail' | 'error_branch' | 'continue';

/** A node's execution settings: core's timeout and retries, and what a failure does. */
export type EditorNodeSettings = NonNullable<WorkflowData['nodes'][number]['data']['settings']> & {
  /** What a failure of the step does. @default 'fail' */
  on_error?: OnErrorMode;
};

/** What a node on the canvas carries: the document's node data plus the editor's own view. */
export type EditorNodeData = {
  /** Parameter values by name (the document's `data.parameters`). */
  parameters: Record<string, unknown>;
  /** Label shown instead of the component's name. */
  label?: string;
  /** Timeout, retry and on-error settings (the document's `data.settings`). */
  settings?: EditorNodeSettings;
  /** A disabled step is skipped at run time (`step_skipped`, reason `disabled`) and shown greyed. */
  disabled?: boolean;
  /**
   * Test input pinned on a trigger node: the editor's runs use it as the run's `input_data`
   * when no other input is given (the document's `data.pinned_input`).
   */
  pinned_input?: Record<string, unknown>;
};

/** The data of the last run the editor followed, for expression completion and previews. */
export interface RunData {
  /** The run's instance. */
  instanceId: string;
  /** The run's input (`execution_started`'s `input_data`). */
  input: Record<string, unknown>;
  /** Run variables: the start's, then each step's `set_variables`. */
  vars: Record<string, unknown>;
  /** `output_data` of each completed step, by step id. */
  outputs: Record<string, unknown>;
}

/** A request to show a node's form and focus one of its fields (from the problems list). */
export interface FocusRequest {
  nodeId: string;
  /** The parameter to focus; the form itself when absent. */
  field?: string;
  /** Counts requests, so asking twice for the same field focuses it again. */
  seq: number;
}

/** Where a new node connects when it is inserted from a dropped connection. */
export interface ConnectFrom {
  nodeId: string;
  handleId: string | null;
  /** `source`: the new node takes the edge as input; `target`: it feeds the handle. */
  handleType: 'source' | 'target';
}

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
  /**
   * Every problem to show, by node id (`''` for the whole workflow): the last save's issues
   * and the editor's own graph check (cycles, unreachable steps), kept current as the graph
   * changes. Arrays of nodes whose problems did not change keep their identity.
   */
  problemsByNode: Record<string, WorkflowIssue[]>;
  /** Ids of the edges that have a problem (on a cycle, or named by the last save's issues). */
  invalidEdgeIds: ReadonlySet<string>;
  /**
   * The words of the editor's own graph check (the catalogue's `problems` section), so its
   * problems read in the editor's language. @default English
   */
  problemText: ProblemText;
  /** Live status of each node during a run, from execution events. */
  runStatus: Record<string, NodeRunStatus>;
  /** Input, variables and step outputs of the last run followed, from execution events. */
  runData: RunData | undefined;
  /** The last request to focus a node's field, for the side panel to act on. */
  focusRequest: FocusRequest | undefined;
  /** Undo and redo stacks of `{ nodes, edges }` snapshots. */
  past: Array<{ nodes: EditorNode[]; edges: EditorEdge[] }>;
  future: Array<{ nodes: EditorNode[]; edges: EditorEdge[] }>;
  /** Nodes and edges copied with copy(). */
  clipboard: { nodes: EditorNode[]; edges: EditorEdge[] } | undefined;
}

/** The messages the editor's own graph check writes its problems with. */
export type ProblemText = Pick<Messages['problems'], 'selfLoop' | 'cycle' | 'unreachable'>;

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
  /**
   * Pastes the clipboard's nodes, selected: moved by `offset` when given, else to the free spot
   * nearest one step (40, 40) from where they were copied (or last pasted).
   */
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
  /** Selects every node. */
  selectAll(): void;
  /**
   * Copies the selected nodes (or the given ones) and the edges between them next to the
   * originals, in a free spot, and selects the copies; the clipboard is left alone.
   */
  duplicate(nodeIds?: readonly string[]): void;
  /** Copies the selection to the clipboard and removes it, as one undo step. */
  cut(): void;
  /** Disables or enables nodes (a disabled step is skipped at run time); undoable. */
  setNodesDisabled(nodeIds: readonly string[], disabled: boolean): void;
  /** Pins test input on a (trigger) node, or removes it with `undefined`; undoable. */
  setPinnedInput(nodeId: string, input: Record<string, unknown> | undefined): void;
  /**
   * Adds a node at `position` already connected to the handle a connection was dragged from,
   * as one undo step, and selects it. Returns its id, or undefined when no handle of the new
   * node fits (then nothing is added).
   */
  insertConnectedNode(
    componentType: string,
    position: XYPosition,
    from: ConnectFrom,
  ): string | undefined;
  /** Selects a node and asks its form to focus `field` (from the problems list). */
  revealProblem(nodeId: string, field?: string): void;
}

/** The editor store's whole surface. */
export type EditorStore = EditorState & EditorActions;
