import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionResult } from '../schema/executionResult';
import { checkStepData, flatJsonBytes } from './checkStepData';
import { readResult } from './readResult';
import { StepSuspension } from './stepControl';
import { asFailure, type StepFailure } from './stepFailure';
import type { StepOutcome } from './stepOutcome';

/** How one attempt ended: a final outcome, or a failure a retry may change. */
export type AttemptEnd =
  | Exclude<StepOutcome, { kind: 'failed' }>
  | { kind: 'failed'; error: StepFailure; output_data: unknown; output_bytes: number };

/**
 * Reads what a component returned: its output checked against the limits, or the failure.
 * `duration_ms` is left at 0 for the caller, which took the readings.
 */
export function readAttempt(
  step: PlanStep,
  result: ExecutionResult | undefined,
  attempt: number,
  limits: WorkflowLimits,
): AttemptEnd {
  // The usual result: a success with a flat output, following the step's success handles.
  if (
    result !== null &&
    typeof result === 'object' &&
    result.success === true &&
    result.output_handle === undefined &&
    (result.set_variables === undefined || result.set_variables === null)
  ) {
    const output_data = result.output_data ?? {};
    const bytes = flatJsonBytes(output_data);
    // A flat output is a plain object (flatJsonBytes measures nothing else); a component with
    // no default handle is told on the long way that it must name one.
    if (
      bytes !== undefined &&
      bytes <= limits.maxStepOutputBytes &&
      !step.component.mustChooseHandle
    ) {
      return {
        kind: 'completed',
        output_data,
        output_handles: step.component.successHandles as string[],
        set_variables: undefined,
        attempts: attempt,
        duration_ms: 0,
        output_bytes: bytes,
      };
    }
  }
  const read = readResult(step, result);
  if (read.ok) {
    const checked = checkStepData(read.output_data, read.set_variables, limits);
    if (checked.ok) {
      return {
        kind: 'completed',
        output_data: read.output_data,
        output_handles: read.output_handles,
        set_variables: read.set_variables,
        attempts: attempt,
        duration_ms: 0,
        output_bytes: checked.bytes,
      };
    }
    return { kind: 'failed', error: checked.failure, output_data: undefined, output_bytes: 0 };
  }
  // A failed step's output is recorded too (an HTTP error's response): it gets the limits, and
  // counts against the run's event budget like any output.
  const checked = checkStepData(read.output_data, undefined, limits);
  return {
    kind: 'failed',
    error: read.error,
    output_data: checked.ok ? read.output_data : undefined,
    output_bytes: checked.ok ? checked.bytes : 0,
  };
}

/** What a thrown value means for an attempt: a wait, an attempt to abandon, or a failure. */
export function readThrown(thrown: unknown, aborted: boolean): AttemptEnd {
  if (aborted) return ABANDONED;
  if (thrown instanceof StepSuspension) {
    const { wake_at, resume } = thrown.request;
    return { kind: 'waiting', wake_at, resume };
  }
  // The engine is shutting down (a sub-workflow could not start): the attempt runs again when
  // the run resumes.
  if (toFlowloomError(thrown).code === ErrorCode.SHUTTING_DOWN) return ABANDONED;
  return {
    kind: 'failed',
    error: asFailure(thrown, ErrorCode.STEP_FAILED),
    output_data: undefined,
    output_bytes: 0,
  };
}

/** The outcome of an attempt the run no longer waits for. */
export const ABANDONED: StepOutcome = Object.freeze({ kind: 'abandoned' as const });

/** A failure as the step's final outcome. */
export function finalFailure(
  end: Extract<AttemptEnd, { kind: 'failed' }>,
  attempts: number,
  duration_ms: number,
): StepOutcome {
  return {
    kind: 'failed',
    error: end.error,
    output_data: end.output_data,
    attempts,
    duration_ms,
    output_bytes: end.output_bytes + end.error.message.length,
  };
}
