import type { StepState } from '../schema/executionStatus';
import type { ErrorInfo, InstanceStatus } from '../schema/status';

/**
 * The state of one run. It is a pure function of the run's events: {@link applyEvent} is the
 * only thing that changes it, so replaying the journal rebuilds it exactly (that is how a run is
 * resumed, and how another process answers a status request).
 */
export interface RunState {
  /** The instance this run belongs to. */
  readonly instance_id: string;
  /**
   * Where the run is: `pending` until `execution_started` (`queued` while it waits for a
   * concurrency slot), then `running`, then final, or
   * `interrupted` when its process shut down first, or `waiting` when only waiting steps are
   * left (running again once resumed, woken or retried).
   */
  status: InstanceStatus;
  /**
   * Each step's index in `stepList`, by node id: the plan's own map, shared by every run of it
   * (a run never adds to it: see `extraSteps`).
   */
  readonly stepIndex: ReadonlyMap<string, number>;
  /**
   * Every step's state by index; a step no event touched yet has none (it is pending): read
   * through `stepAt`. Made lazily, so starting a run of 100,000 steps allocates no state for
   * them up front.
   */
  stepList: Array<StepState | undefined>;
  /**
   * Steps events named that the plan lacks (the document was edited since), by id, indexed
   * after the plan's; `undefined` while there are none.
   */
  extraSteps: Map<string, number> | undefined;
  /** Steps finished (completed, failed or skipped) so far. */
  finishedSteps: number;
  /** Steps `running` now: their attempt started (or they woke) and has not ended. */
  runningSteps: number;
  /** Steps `waiting` now. */
  waitingSteps: number;
  /** ISO time of `execution_started`. */
  started_at: string | null;
  /** ISO time of the final event. */
  finished_at: string | null;
  /** Why the run failed or was cancelled. */
  error: ErrorInfo | null;
  /** The input the run was started with. */
  input_data: Record<string, unknown>;
  /** Run variables: the starting ones plus every `set_variables` of a completed step. */
  variables: Record<string, unknown>;
  /** `output_data` of every finished step that produced one, by step id (`previous_outputs`). */
  outputs: Record<string, unknown>;
  /**
   * Attempts each retried step had made before its latest `execution_retried`: its attempts
   * in this run count from there (its retry policy starts over, its attempt numbers continue).
   */
  attemptBase: Record<string, number>;
  /**
   * Steps that woke from a wait and have not finished since, by step id: what their component
   * sees as its wake (`data` present when a resume request woke it).
   */
  wakes: Record<string, { data?: unknown }>;
  /** When a `waiting` run wakes by itself (its `execution_waiting`'s `wake_at`); `null` otherwise. */
  wake_at: string | null;
  /** `seq` of the last event applied. */
  lastSeq: number;
}

/**
 * An empty dictionary for keys end users choose (step ids, variable names): without a
 * prototype, a key such as `__proto__` or `constructor` is just a key.
 */
export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A fresh state for a run over the given steps: a plan's index by id (shared, not copied), or
 * the steps' ids.
 */
export function createRunState(
  instanceId: string,
  steps: ReadonlyMap<string, number> | Iterable<string>,
): RunState {
  const stepIndex = steps instanceof Map ? steps : indexOfIds(steps as Iterable<string>);
  const stepList = new Array<StepState | undefined>(stepIndex.size);
  return {
    instance_id: instanceId,
    status: 'pending',
    stepIndex,
    stepList,
    extraSteps: undefined,
    finishedSteps: 0,
    runningSteps: 0,
    waitingSteps: 0,
    started_at: null,
    finished_at: null,
    error: null,
    input_data: {},
    variables: createDictionary(),
    outputs: createDictionary(),
    attemptBase: createDictionary(),
    wakes: createDictionary(),
    wake_at: null,
    lastSeq: 0,
  };
}

/** A step that has not started. */
export function pendingStep(): StepState {
  return { status: 'pending', attempts: 0, started_at: null, finished_at: null };
}

/** The index of a step of a run's state, or `undefined` for an id it does not know. */
export function stepIndexOf(state: RunState, stepId: string): number | undefined {
  return state.stepIndex.get(stepId) ?? state.extraSteps?.get(stepId);
}

/** The state of one step of a run, or `undefined` for an id it does not know. */
export function stepStateOf(state: RunState, stepId: string): StepState | undefined {
  const at = stepIndexOf(state, stepId);
  return at === undefined ? undefined : stepAt(state, at);
}

/** The state of the step at an index, made pending on first use. */
export function stepAt(state: RunState, at: number): StepState {
  let step = state.stepList[at];
  if (step === undefined) {
    step = pendingStep();
    state.stepList[at] = step;
  }
  return step;
}

/** The status of the step at an index, without making its state. */
export function statusAt(state: RunState, at: number): StepState['status'] {
  return state.stepList[at]?.status ?? 'pending';
}

/** Every step of a run's state with its id, in index order. */
export function* stepEntries(state: RunState): Generator<[string, StepState]> {
  for (const [id, at] of state.stepIndex) yield [id, stepAt(state, at)];
  if (state.extraSteps) for (const [id, at] of state.extraSteps) yield [id, stepAt(state, at)];
}

/** Indices for ids given in order; a repeated id keeps its first place. */
function indexOfIds(ids: Iterable<string>): Map<string, number> {
  const index = new Map<string, number>();
  for (const id of ids) if (!index.has(id)) index.set(id, index.size);
  return index;
}
