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
   * Where the run is: `pending` until `execution_started`, then `running`, then final, or
   * `interrupted` when its process shut down first, or `waiting` when only waiting steps are
   * left (running again once resumed, woken or retried).
   */
  status: InstanceStatus;
  /** Every step by node id; pending until its first event. */
  steps: Record<string, StepState>;
  /** Steps finished (completed, failed or skipped) so far. */
  finishedSteps: number;
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

/** A fresh state for a run over the given steps. */
export function createRunState(instanceId: string, stepIds: Iterable<string>): RunState {
  const steps = createDictionary<StepState>();
  for (const id of stepIds) steps[id] = pendingStep();
  return {
    instance_id: instanceId,
    status: 'pending',
    steps,
    finishedSteps: 0,
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
