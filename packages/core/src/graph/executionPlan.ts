import type { CompiledValue } from '../expressions/compileValue';
import type { RegisteredComponent } from '../registry/registeredComponent';
import type { RetrySettings } from '../schema/workflowData';

/** A parameter holding expressions, resolved when its step starts. */
export interface DynamicParameter {
  readonly name: string;
  readonly value: CompiledValue;
}

/** What a step does when it fails (`data.settings.on_error`); `undefined` for the default. */
export type OnError = 'fail' | 'error_branch' | 'continue' | undefined;

/** The parameters of every step that has none: one frozen object, shared. */
export const NO_PARAMETERS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The `step_started` payload of the first attempt of every step without parameters: one object
 * for all of them, where each step would otherwise make its own and keep it with its plan (some
 * 40 bytes a step of every plan kept).
 */
const FIRST_START_WITHOUT_PARAMETERS = Object.freeze({ attempt: 1, input_data: NO_PARAMETERS });

/**
 * One step of a plan, with everything the engine needs precomputed. One class, so every step
 * has one shape; lists no step has its own (no parameters, no edges) are shared and frozen.
 */
export class PlanStep {
  /**
   * The `step_started` payload of a first attempt with the fixed parameters: made on first use,
   * frozen and shared by every run of the plan (one object less per step, run after run); for a
   * step without parameters, one payload shared by every plan.
   */
  firstStart: Readonly<{ attempt: number; input_data: Record<string, unknown> }> | undefined =
    undefined;

  constructor(
    /** Position in `plan.steps`. */
    readonly index: number,
    /** The node id. */
    readonly id: string,
    readonly component: RegisteredComponent,
    /** Parameter values with defaults applied, frozen; the dynamic ones are resolved per run. */
    readonly baseParameters: Readonly<Record<string, unknown>>,
    /** Parameters holding expressions, resolved when the step starts. */
    readonly dynamicParameters: readonly DynamicParameter[],
    /** Time limit of one attempt, when set. */
    readonly timeoutMs: number | undefined,
    readonly retry: RetrySettings,
    /** Output handles with at least one edge leaving them. */
    readonly connectedHandles: ReadonlySet<string>,
    /** Whether runs start here. */
    readonly isEntry: boolean,
    /** Whether an entry step reaches it; unreachable steps are skipped at the start of a run. */
    readonly reachable: boolean,
    /**
     * Whether it takes the run's one-hop path: no `secret` parameter, no timeout, no retries.
     * Other steps run the long way (credentials resolved, the timeout raced, attempts retried).
     */
    readonly oneHop: boolean,
    /** `data.disabled`: it is skipped and passes its input on (through `passHandles`). */
    readonly disabled: boolean,
    /** `data.settings.on_error`, when set. */
    readonly onError: OnError,
    /**
     * The handles a disabled step, or a failed one with `on_error: 'continue'`, follows: its
     * success handles, or (for a step that picks its handles itself) its first non-error one.
     */
    readonly passHandles: readonly string[],
  ) {
    if (baseParameters === NO_PARAMETERS) this.firstStart = FIRST_START_WITHOUT_PARAMETERS;
  }
}

/** One edge of a plan, by step index and resolved handle ids. */
export interface PlanEdge {
  readonly id: string;
  readonly source: number;
  readonly sourceHandle: string;
  readonly target: number;
  readonly targetHandle: string;
}

/** The edges of a plan, column by column (what {@link ExecutionPlan} is built from). */
export interface PlanEdgeColumns {
  readonly ids: readonly string[];
  readonly source: Uint32Array;
  readonly sourceHandle: readonly string[];
  readonly target: Uint32Array;
  readonly targetHandle: readonly string[];
}

/**
 * A validated workflow compiled for running: index-based, so the engine never scans the graph.
 * Edges are kept in columns and each step's edges as ranges of one index array (compressed
 * rows): a few bytes per step and edge, where objects and arrays per step cost a hundred.
 */
export class ExecutionPlan {
  /** Step index by node id. */
  readonly indexById: ReadonlyMap<string, number>;
  /** The edges' source step indices. */
  readonly edgeSource: Uint32Array;
  /** The edges' target step indices. */
  readonly edgeTarget: Uint32Array;
  /** The edges' resolved source handle ids. */
  readonly edgeSourceHandle: readonly string[];
  /** Step `i`'s outgoing edges are `outgoingEdges[outgoingStart[i] .. outgoingStart[i + 1])`. */
  readonly outgoingStart: Uint32Array;
  readonly outgoingEdges: Uint32Array;
  /** Step `i`'s incoming edges are `incomingEdges[incomingStart[i] .. incomingStart[i + 1])`. */
  readonly incomingStart: Uint32Array;
  readonly incomingEdges: Uint32Array;
  private readonly edgeColumns: PlanEdgeColumns;
  private readonly extraStepIds: ReadonlySet<string> | undefined;
  private stepIdView: ReadonlySet<string> | undefined;
  private replayIndex: ReadonlyMap<string, number> | undefined;

  /**
   * @param stepIds - the workflow's node ids when they are more than the steps' (a plan that
   * only knows them, to replay a run that won't continue).
   * @param indexById - each step's index by id, when the caller has it already (the compiler's
   * graph analysis made it): one map less per plan.
   */
  constructor(
    readonly steps: readonly PlanStep[],
    edges: PlanEdgeColumns,
    stepIds?: ReadonlySet<string>,
    indexById?: ReadonlyMap<string, number>,
  ) {
    this.indexById = indexById ?? new Map(steps.map((step) => [step.id, step.index]));
    this.edgeColumns = edges;
    this.edgeSource = edges.source;
    this.edgeTarget = edges.target;
    this.edgeSourceHandle = edges.sourceHandle;
    [this.outgoingStart, this.outgoingEdges] = compressedRows(steps.length, edges.source);
    [this.incomingStart, this.incomingEdges] = compressedRows(steps.length, edges.target);
    this.extraStepIds = stepIds;
  }

  /**
   * Each node id's index, for a run's state: `indexById`, or an index of `stepIds` when the
   * plan knows more ids than steps (one made to replay a run).
   */
  get stepIndex(): ReadonlyMap<string, number> {
    if (!this.extraStepIds) return this.indexById;
    this.replayIndex ??= new Map([...this.extraStepIds].map((id, at) => [id, at]));
    return this.replayIndex;
  }

  /** Every node id, for expression errors that tell "not run yet" from "unknown". */
  get stepIds(): ReadonlySet<string> {
    this.stepIdView ??= this.extraStepIds ?? new KeySet(this.indexById);
    return this.stepIdView;
  }

  /** The edges, as objects (made on each call: for tools and tests, not the hot path). */
  get edges(): readonly PlanEdge[] {
    const { ids, source, sourceHandle, target, targetHandle } = this.edgeColumns;
    return ids.map((id, at) => ({
      id,
      source: source[at]!,
      sourceHandle: sourceHandle[at]!,
      target: target[at]!,
      targetHandle: targetHandle[at]!,
    }));
  }

  /** How many edges enter a step. */
  incomingCount(stepIndex: number): number {
    return this.incomingStart[stepIndex + 1]! - this.incomingStart[stepIndex]!;
  }

  /** Indices of the edges entering a step, in edge order. */
  incomingOf(stepIndex: number): number[] {
    return [
      ...this.incomingEdges.subarray(
        this.incomingStart[stepIndex],
        this.incomingStart[stepIndex + 1],
      ),
    ];
  }

  /** Indices of the edges leaving a step, in edge order. */
  outgoingOf(stepIndex: number): number[] {
    return [
      ...this.outgoingEdges.subarray(
        this.outgoingStart[stepIndex],
        this.outgoingStart[stepIndex + 1],
      ),
    ];
  }
}

/** A map's keys as a read-only set, without copying them. */
class KeySet implements ReadonlySet<string> {
  constructor(private readonly map: ReadonlyMap<string, unknown>) {}

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): SetIterator<string> {
    return this.map.keys();
  }

  values(): SetIterator<string> {
    return this.map.keys();
  }

  *entries(): SetIterator<[string, string]> {
    for (const key of this.map.keys()) yield [key, key];
  }

  forEach(
    callback: (value: string, key: string, set: ReadonlySet<string>) => void,
    thisArg?: unknown,
  ): void {
    for (const key of this.map.keys()) callback.call(thisArg, key, key, this);
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.map.keys();
  }
}

/** Each step's edges (by their `ends` step) as ranges of one array, in edge order. */
function compressedRows(steps: number, ends: Uint32Array): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(steps + 1);
  for (const end of ends) start[end + 1]! += 1;
  for (let at = 0; at < steps; at += 1) start[at + 1]! += start[at]!;
  const next = start.slice(0, steps);
  const edges = new Uint32Array(ends.length);
  for (let edge = 0; edge < ends.length; edge += 1) edges[next[ends[edge]!]!++] = edge;
  return [start, edges];
}
