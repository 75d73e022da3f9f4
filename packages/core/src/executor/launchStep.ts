import type { PlanStep } from '../graph/executionPlan';
import type { ExecutionResult } from '../schema/executionResult';
import { ABANDONED, type AttemptEnd, finalFailure, readAttempt, readThrown } from './readAttempt';
import { resolveParameters } from './resolveParameters';
import { failedOnce, runStep, type StepRunHost } from './runStep';
import { StepContext } from './StepContext';
import type { StepOutcome } from './stepOutcome';

/** What launching a step needs of its run, beyond what `runStep` needs. */
export interface StepLaunchHost extends StepRunHost {
  /** The number of a step's next attempt (`attemptsOf(step).first`, with nothing allocated). */
  firstAttemptOf(step: PlanStep): number;
  /**
   * Called once with how the step ended. `measured` is true when the run is to measure its
   * duration from its readings (the one-hop path); the long way measures its own.
   */
  stepEnded(stepIndex: number, outcome: StepOutcome, measured: boolean): void;
  /** A bug in the run's own bookkeeping: the run ends failed. */
  runBroke(thrown: unknown): void;
}

/**
 * Starts one step. A step with no credentials, no timeout and no retries (most steps) takes
 * the one-hop path: its parameters are resolved, `step_started` journaled and the component
 * called in this turn, and its result is read in the callback of the one promise it returned,
 * or at once when it returned a plain result. Any other step runs the long way (`runStep`).
 *
 * @param reading - the run clock's reading when the step starts.
 */
export function launchStep(host: StepLaunchHost, step: PlanStep, reading: number): void {
  if (!step.oneHop) {
    runStep(host, step).then(
      (outcome) => host.stepEnded(step.index, outcome, false),
      (thrown) => host.runBroke(thrown),
    );
    return;
  }
  let input = step.baseParameters as Record<string, unknown>;
  let inputBytes = 0;
  if (step.dynamicParameters.length > 0) {
    const parameters = resolveParameters(step, host.scope, host.limits);
    if (!parameters.ok) {
      // Resolution reads finished outputs only, so trying again could not change the result.
      host.stepEnded(step.index, failedOnce(parameters.failure, 0), true);
      return;
    }
    input = parameters.values;
    inputBytes = parameters.bytes;
  }
  const attempt = host.firstAttemptOf(step);
  host.stepStarted(step, attempt, input, inputBytes, reading);
  // Starting it may have ended the run (its events passed their limit).
  if (host.aborted) {
    host.stepEnded(step.index, ABANDONED, true);
    return;
  }
  let result: Promise<ExecutionResult> | ExecutionResult;
  try {
    const context = new StepContext(host, step.index, step.id, input, attempt);
    const tracing = host.tracing;
    result =
      tracing === undefined
        ? step.component.execute(context)
        : tracing.within(step.id, () => step.component.execute(context));
  } catch (thrown) {
    host.stepEnded(step.index, outcomeOf(readThrown(thrown, host.aborted), attempt), true);
    return;
  }
  if (isThenable(result)) {
    result.then(
      (value) => host.stepEnded(step.index, resultOutcome(host, step, value, attempt), true),
      (thrown) =>
        host.stepEnded(step.index, outcomeOf(readThrown(thrown, host.aborted), attempt), true),
    );
  } else {
    host.stepEnded(step.index, resultOutcome(host, step, result, attempt), true);
  }
}

function resultOutcome(
  host: StepLaunchHost,
  step: PlanStep,
  result: ExecutionResult | undefined,
  attempt: number,
): StepOutcome {
  if (host.aborted) return ABANDONED;
  return outcomeOf(readAttempt(step, result, attempt, host.limits), attempt);
}

/** The one attempt's end as the step's outcome: a failure is final (no retries on this path). */
function outcomeOf(end: AttemptEnd, attempt: number): StepOutcome {
  return end.kind === 'failed' ? finalFailure(end, attempt, 0) : end;
}

function isThenable(value: unknown): value is PromiseLike<ExecutionResult> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
