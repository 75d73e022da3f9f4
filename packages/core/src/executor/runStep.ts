import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { PlanStep } from '../graph/executionPlan';
import type { ExecutionResult } from '../schema/executionResult';
import { abortableSleep } from './abortableSleep';
import { readResult } from './readResult';
import { StepContext, type StepContextSource } from './StepContext';
import type { StepOutcome } from './stepOutcome';

/** What `runStep` needs from its run. */
export interface StepRunHost extends StepContextSource {
  /** Aborted when the run ends (stopped, or failed elsewhere). */
  readonly signal: AbortSignal;
  readonly scope: ExpressionScope;
  stepStarted(step: PlanStep, attempt: number, input_data: Record<string, unknown>): void;
  stepRetrying(
    step: PlanStep,
    attempt: number,
    delay_ms: number,
    error: { code: string; message: string },
  ): void;
}

type Failure = { code: string; message: string };

/**
 * Runs one step to its end: resolves its parameters, calls the component, applies the timeout
 * and the retry policy. Never throws: every way a step can end is a {@link StepOutcome}.
 */
export async function runStep(host: StepRunHost, step: PlanStep): Promise<StepOutcome> {
  const startedAt = performance.now();
  const parameters = resolveParameters(step, host.scope);
  if (!parameters.ok) {
    // Resolution reads finished outputs only, so trying again could not change the result.
    return {
      kind: 'failed',
      error: parameters.failure,
      output_data: undefined,
      attempts: 1,
      duration_ms: elapsed(startedAt),
    };
  }
  const resolved = parameters.values;
  const { max_attempts, backoff_ms, backoff_multiplier } = step.retry;
  for (let attempt = 1; ; attempt += 1) {
    if (host.signal.aborted) return { kind: 'abandoned' };
    host.stepStarted(step, attempt, resolved);
    let failure: Failure;
    let output_data: unknown;
    try {
      const result = await invoke(step, host, resolved);
      if (host.signal.aborted) return { kind: 'abandoned' };
      const read = readResult(step, result);
      if (read.ok) {
        return {
          kind: 'completed',
          output_data: read.output_data,
          output_handles: read.output_handles,
          set_variables: read.set_variables,
          attempts: attempt,
          duration_ms: elapsed(startedAt),
        };
      }
      failure = read.error;
      output_data = read.output_data;
    } catch (thrown) {
      if (host.signal.aborted) return { kind: 'abandoned' };
      const error = toFlowloomError(thrown, ErrorCode.STEP_FAILED);
      failure = { code: error.code, message: error.message };
      output_data = undefined;
    }
    if (attempt >= max_attempts || failure.code === ErrorCode.INVALID_RESULT) {
      return {
        kind: 'failed',
        error: failure,
        output_data,
        attempts: attempt,
        duration_ms: elapsed(startedAt),
      };
    }
    const delay = Math.round(backoff_ms * backoff_multiplier ** (attempt - 1));
    host.stepRetrying(step, attempt, delay, failure);
    try {
      await abortableSleep(delay, host.signal);
    } catch {
      return { kind: 'abandoned' };
    }
  }
}

/** Calls the component, racing it against the step's timeout when it has one. */
function invoke(
  step: PlanStep,
  host: StepRunHost,
  input: Record<string, unknown>,
): Promise<ExecutionResult> {
  const timeoutMs = step.timeoutMs;
  const runSignal = host.signal;
  if (timeoutMs === undefined) {
    return step.component.execute(new StepContext(host, step.index, step.id, input, runSignal));
  }
  // The step gets its own signal, aborted by the run's and by its timeout.
  const controller = new AbortController();
  const onRunAbort = (): void => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  const context = new StepContext(host, step.index, step.id, input, controller.signal);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`Step "${step.id}" timed out after ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  // Started inside a promise so a synchronous throw still clears the timer below.
  const execution = new Promise<ExecutionResult>((resolve) =>
    resolve(step.component.execute(context)),
  );
  return Promise.race([execution, timeout]).finally(() => {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  });
}

/** The step's parameter values with expressions resolved and checked, or why they can't be. */
function resolveParameters(
  step: PlanStep,
  scope: ExpressionScope,
): { ok: true; values: Record<string, unknown> } | { ok: false; failure: Failure } {
  if (step.dynamicParameters.length === 0) {
    return { ok: true, values: step.baseParameters as Record<string, unknown> };
  }
  const values: Record<string, unknown> = { ...step.baseParameters };
  try {
    for (const { name, value } of step.dynamicParameters) values[name] = value.evaluate(scope);
  } catch (thrown) {
    const error = toFlowloomError(thrown, ErrorCode.EXPRESSION_ERROR);
    return { ok: false, failure: { code: error.code, message: error.message } };
  }
  // Undeclared parameters were already reported as warnings when the workflow was validated.
  const issues = step.component.parameters
    .validate(values, { allowExpressions: false })
    .filter((issue) => issue.code !== 'UNKNOWN_PARAMETER');
  if (issues.length > 0) {
    const message = `Invalid parameters after resolving expressions: ${issues.map((issue) => issue.message).join('; ')}`;
    return { ok: false, failure: { code: ErrorCode.INVALID_PARAMETERS, message } };
  }
  return { ok: true, values };
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}
