import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionContext } from '../schema/executionContext';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { ErrorInfo, InstanceStatus } from '../schema/status';

/**
 * Where a step's context carries its {@link StepControl}: a symbol, so the control-flow port
 * stays out of the public `ExecutionContext` shape that host components are written against.
 */
export const STEP_CONTROL: unique symbol = Symbol('flowloom.stepControl');

/** What a step waits for: a time (`wake_at`, ISO), a resume request, or (neither) its sub-workflows. */
export interface WaitRequest {
  wake_at?: string;
  resume: boolean;
}

/**
 * Thrown by {@link StepControl.suspend}: ends the step's execution as a wait. The run records
 * `step_waiting` and runs the step again (same attempt) when it wakes.
 */
export class StepSuspension extends Error {
  override readonly name = 'StepSuspension';

  constructor(readonly request: WaitRequest) {
    super('The step waits');
  }
}

/** How a waiting step woke: `data` is present when a resume request woke it. */
export interface StepWake {
  data?: unknown;
}

/** Where a child run stands, as the step that started it sees it. */
export type ChildEnd = { instance_id: string } & (
  | { status: 'completed'; output: unknown }
  | { status: 'failed' | 'cancelled'; error: ErrorInfo }
  /** It waits, or its process stopped: the step waits for it (no process holds either). */
  | { status: 'waiting' }
);

/** Where a child run stands in the store, as {@link ChildRuns.survey} reads it. */
export interface ChildStanding {
  status: InstanceStatus;
  /** Why it failed or was cancelled. */
  error: ErrorInfo | null;
}

/** How {@link ChildRuns.run} treats a child that is not in the store. */
export interface ChildRunOptions {
  /**
   * The step started this child before (it waited for it, or a later item's child exists): a
   * missing one was deleted, and fails the step `SUB_WORKFLOW_FAILED` instead of being started
   * a second time.
   */
  existing?: boolean;
}

/** The sub-workflow runs of one step. */
export interface ChildRuns {
  /**
   * A saved workflow the run's owner may read.
   *
   * @throws FlowloomError `NOT_FOUND`, `FORBIDDEN`.
   */
  loadWorkflow(workflowId: string): Promise<SavedWorkflow>;
  /**
   * Runs `workflow` as this step's child number `index` and resolves when it ends or waits. The
   * child's id comes from the step's idempotency key and `index`: when the step runs again
   * (after a restart or a wait) it finds the child it started instead of starting a second one.
   * Children of one step are created one at a time, in the order `run` is called, so those that
   * exist are always the first ones asked for. A child refused for want of a run slot
   * (`TOO_MANY_RUNS`) is tried again after a pause, not failed.
   *
   * @throws FlowloomError `VALIDATION_FAILED` for an input no run accepts (nothing is created),
   * `MAX_DEPTH_EXCEEDED`, `TOO_MANY_RUNS_IN_TREE`, `SUB_WORKFLOW_FAILED` for a child that went
   * missing, `SHUTTING_DOWN` when the engine closes under it (the step is abandoned, to run
   * again on resume); rejects when `signal` aborts.
   */
  run(
    index: number,
    workflow: SavedWorkflow,
    input: Record<string, unknown>,
    signal: AbortSignal,
    options?: ChildRunOptions,
  ): Promise<ChildEnd>;
  /**
   * Where the step's children `0..count-1` stand, by index: those that exist, read from the
   * store in pages (one listing, not a read per child).
   */
  survey(count: number): Promise<Map<number, ChildStanding>>;
  /** The instance id of child number `index` (whether or not it was started yet). */
  idOf(index: number): string;
  /** Stops a child that has not ended (its own children with it); a no-op for one that has. */
  stop(instanceId: string, reason: string): Promise<void>;
}

/**
 * What the engine gives its built-in control-flow steps (`wait`, `sub_workflow`, `for_each`,
 * `delay`) beyond `ExecutionContext`: waits that outlive the process, child runs, the clock.
 */
export interface StepControl {
  /** The limits in force. */
  readonly limits: WorkflowLimits;
  /** The engine's clock, in milliseconds since the epoch (injectable for tests). */
  now(): number;
  /** When the step's current attempt first started (ISO), from the journal: it survives restarts. */
  readonly startedAt: string | null;
  /** Set when the step runs again after a wait. */
  readonly wake: StepWake | undefined;
  /** Whether an edge leaves this output handle of the step. */
  isConnected(handle: string): boolean;
  /** The component type of another step of the run, or `undefined` for an unknown id. */
  typeOf(stepId: string): string | undefined;
  /** Ends this execution as a wait (throws a {@link StepSuspension}). */
  suspend(request: WaitRequest): never;
  /** The step's sub-workflow runs. */
  readonly children: ChildRuns;
}

/** The step's {@link StepControl}, when the engine runs it (not when `execute` is called directly). */
export function stepControlOf(context: ExecutionContext): StepControl | undefined {
  return (context as { [STEP_CONTROL]?: StepControl })[STEP_CONTROL];
}

/**
 * The step's {@link StepControl}.
 *
 * @throws FlowloomError `NOT_CONFIGURED` outside the engine.
 */
export function requireStepControl(context: ExecutionContext, component: string): StepControl {
  const control = stepControlOf(context);
  if (!control) {
    throw new FlowloomError(
      ErrorCode.NOT_CONFIGURED,
      `A ${component} step needs the execution engine: it can't run through a direct execute() call`,
    );
  }
  return control;
}
