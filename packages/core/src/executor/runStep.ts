import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionResult } from '../schema/executionResult';
import { abortableSleep } from './abortableSleep';
import { checkStepData } from './checkStepData';
import { readResult } from './readResult';
import { resolveSecrets, type SecretSource, secretParameterNames } from './resolveSecrets';
import { StepContext, type StepContextSource } from './StepContext';
import { StepSuspension } from './stepControl';
import type { StepOutcome } from './stepOutcome';

/** The longest wait between attempts: setTimeout can't wait longer than 2³¹−1 ms anyway. */
export const MAX_RETRY_DELAY_MS = 86_400_000;

/** What `runStep` needs from its run. */
export interface StepRunHost extends StepContextSource {
  /** Aborted when the run ends (stopped, or failed elsewhere). */
  readonly signal: AbortSignal;
  readonly scope: ExpressionScope;
  readonly limits: WorkflowLimits;
  /** Credentials, the run's owner and its redactor, for `secret` parameters. */
  readonly secrets: SecretSource;
  /**
   * Where a step's attempts start: `first` is the number of its first attempt here (the
   * abandoned one again after a restart, the next one after a retry), `base` the attempts
   * that came before its retry policy began (0 unless retried).
   */
  attemptsOf(step: PlanStep): { first: number; base: number };
  stepStarted(
    step: PlanStep,
    attempt: number,
    input_data: Record<string, unknown>,
    inputBytes: number,
  ): void;
  stepRetrying(
    step: PlanStep,
    attempt: number,
    delay_ms: number,
    error: { code: string; message: string },
  ): void;
}

type Failure = { code: string; message: string };

/** Failures that trying again cannot change. */
const FINAL_FAILURES: ReadonlySet<string> = new Set([
  ErrorCode.INVALID_RESULT,
  ErrorCode.OUTPUT_TOO_DEEP,
  ErrorCode.OUTPUT_TOO_LARGE,
]);

/**
 * Runs one step to its end: resolves its parameters (expressions, then credentials), calls the
 * component, applies the timeout and the retry policy, and checks what it returns against the
 * limits. Never throws: every way a step can end is a {@link StepOutcome}.
 */
export async function runStep(host: StepRunHost, step: PlanStep): Promise<StepOutcome> {
  const startedAt = performance.now();
  const parameters = resolveParameters(step, host.scope, host.limits);
  if (!parameters.ok) {
    // Resolution reads finished outputs only, so trying again could not change the result.
    return failedOnce(parameters.failure, startedAt);
  }
  let input = parameters.values;
  const names = secretParameterNames(step.component);
  if (names.length > 0) {
    try {
      input = await resolveSecrets(names, input, host.secrets);
    } catch (thrown) {
      if (host.signal.aborted) return { kind: 'abandoned' };
      return failedOnce(asFailure(thrown, ErrorCode.CREDENTIAL_NOT_FOUND), startedAt);
    }
  }
  const { max_attempts, backoff_ms, backoff_multiplier } = step.retry;
  const { first, base } = host.attemptsOf(step);
  const lastAttempt = base + max_attempts;
  for (let attempt = first; ; attempt += 1) {
    if (host.signal.aborted) return { kind: 'abandoned' };
    host.stepStarted(step, attempt, input, parameters.bytes);
    // Starting it may have ended the run (its events passed their limit).
    if (host.signal.aborted) return { kind: 'abandoned' };
    let failure: Failure;
    let output_data: unknown;
    let output_bytes = 0;
    try {
      const result = await invoke(step, host, input, attempt);
      if (host.signal.aborted) return { kind: 'abandoned' };
      const read = readResult(step, result);
      if (read.ok) {
        const checked = checkStepData(read.output_data, read.set_variables, host.limits);
        if (checked.ok) {
          return {
            kind: 'completed',
            output_data: read.output_data,
            output_handles: read.output_handles,
            set_variables: read.set_variables,
            attempts: attempt,
            duration_ms: elapsed(startedAt),
            output_bytes: checked.bytes,
          };
        }
        failure = checked.failure;
        output_data = undefined;
      } else {
        failure = read.error;
        // A failed step's output is recorded too (an HTTP error's response): it gets the limits,
        // and counts against the run's event budget like any output.
        const checked = checkStepData(read.output_data, undefined, host.limits);
        output_data = checked.ok ? read.output_data : undefined;
        output_bytes = checked.ok ? checked.bytes : 0;
      }
    } catch (thrown) {
      if (host.signal.aborted) return { kind: 'abandoned' };
      if (thrown instanceof StepSuspension) {
        const { wake_at, resume } = thrown.request;
        return { kind: 'waiting', wake_at, resume };
      }
      // The engine is shutting down (a sub-workflow could not start): the attempt runs again
      // when the run resumes.
      if (toFlowloomError(thrown).code === ErrorCode.SHUTTING_DOWN) return { kind: 'abandoned' };
      failure = asFailure(thrown, ErrorCode.STEP_FAILED);
      output_data = undefined;
      output_bytes = 0;
    }
    if (attempt >= lastAttempt || FINAL_FAILURES.has(failure.code)) {
      return {
        kind: 'failed',
        error: failure,
        output_data,
        attempts: attempt,
        duration_ms: elapsed(startedAt),
        output_bytes: output_bytes + failure.message.length,
      };
    }
    const delay = Math.min(
      MAX_RETRY_DELAY_MS,
      Math.round(backoff_ms * backoff_multiplier ** (attempt - base - 1)),
    );
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
  attempt: number,
): Promise<ExecutionResult> {
  const timeoutMs = step.timeoutMs;
  const runSignal = host.signal;
  if (timeoutMs === undefined) {
    return step.component.execute(
      new StepContext(host, step.index, step.id, input, runSignal, attempt),
    );
  }
  // The step gets its own signal, aborted by the run's and by its timeout.
  const controller = new AbortController();
  const onRunAbort = (): void => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  const context = new StepContext(host, step.index, step.id, input, controller.signal, attempt);
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

type ResolvedParameters =
  | { ok: true; values: Record<string, unknown>; bytes: number }
  | { ok: false; failure: Failure };

/** The step's parameter values with expressions resolved and checked, or why they can't be. */
function resolveParameters(
  step: PlanStep,
  scope: ExpressionScope,
  limits: WorkflowLimits,
): ResolvedParameters {
  if (step.dynamicParameters.length === 0) {
    // Fixed parameters were bounded when the workflow was validated: no need to measure them.
    return { ok: true, values: step.baseParameters as Record<string, unknown>, bytes: 0 };
  }
  const values: Record<string, unknown> = { ...step.baseParameters };
  try {
    for (const { name, value } of step.dynamicParameters) values[name] = value.evaluate(scope);
  } catch (thrown) {
    return { ok: false, failure: asFailure(thrown, ErrorCode.EXPRESSION_ERROR) };
  }
  // Resolved values can be far larger than the document (a step output read many times).
  const checked = checkStepData(values, undefined, limits, 'parameters');
  if (!checked.ok) return { ok: false, failure: checked.failure };
  // Undeclared parameters were already reported as warnings when the workflow was validated.
  const issues = step.component.parameters
    .validate(values, { allowExpressions: false })
    .filter((issue) => issue.code !== 'UNKNOWN_PARAMETER');
  if (issues.length > 0) {
    const message = `Invalid parameters after resolving expressions: ${issues.map((issue) => issue.message).join('; ')}`;
    return { ok: false, failure: { code: ErrorCode.INVALID_PARAMETERS, message } };
  }
  return { ok: true, values, bytes: checked.bytes };
}

function failedOnce(failure: Failure, startedAt: number): StepOutcome {
  return {
    kind: 'failed',
    error: failure,
    output_data: undefined,
    attempts: 1,
    duration_ms: elapsed(startedAt),
    output_bytes: failure.message.length,
  };
}

function asFailure(thrown: unknown, fallback: ErrorCode): Failure {
  const error = toFlowloomError(thrown, fallback);
  return { code: error.code, message: error.message };
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}
