import { ErrorCode } from '../errors/errorCodes';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionResult } from '../schema/executionResult';
import { abortableSleep } from './abortableSleep';
import type { RunTrace } from './RunTrace';
import { ABANDONED, finalFailure, readAttempt, readThrown } from './readAttempt';
import { resolveParameters } from './resolveParameters';
import { resolveSecrets, type SecretSource, secretParameterNames } from './resolveSecrets';
import { StepContext, type StepContextSource } from './StepContext';
import { asFailure, type StepFailure } from './stepFailure';
import type { StepOutcome } from './stepOutcome';

/** The longest wait between attempts: setTimeout can't wait longer than 2³¹−1 ms anyway. */
export const MAX_RETRY_DELAY_MS = 86_400_000;

/** What `runStep` needs from its run. */
export interface StepRunHost extends StepContextSource {
  /** Whether the run ended (stopped, or failed elsewhere): the attempt is then abandoned. */
  readonly aborted: boolean;
  readonly scope: ExpressionScope;
  readonly limits: WorkflowLimits;
  /** Credentials, the run's owner and its redactor, for `secret` parameters. */
  readonly secrets: SecretSource;
  /** The run's spans, when an OpenTelemetry SDK records them: components run inside theirs. */
  readonly tracing?: RunTrace | undefined;
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
    reading?: number,
  ): void;
  stepRetrying(step: PlanStep, attempt: number, delay_ms: number, error: StepFailure): void;
}

/** Failures that trying again cannot change. */
const FINAL_FAILURES: ReadonlySet<string> = new Set([
  ErrorCode.INVALID_RESULT,
  ErrorCode.OUTPUT_TOO_DEEP,
  ErrorCode.OUTPUT_TOO_LARGE,
]);

/**
 * Runs one step to its end the long way: resolves its parameters (expressions, then
 * credentials), calls the component, applies the timeout and the retry policy, and checks what
 * it returns against the limits. Never throws: every way a step can end is a
 * {@link StepOutcome}. Steps with none of credentials, a timeout or retries take the run's
 * one-hop path instead (`launchStep`).
 */
export async function runStep(host: StepRunHost, step: PlanStep): Promise<StepOutcome> {
  const startedAt = performance.now();
  const parameters = resolveParameters(step, host.scope, host.limits);
  if (!parameters.ok) {
    // Resolution reads finished outputs only, so trying again could not change the result.
    return failedOnce(parameters.failure, elapsed(startedAt));
  }
  let input = parameters.values;
  const names = secretParameterNames(step.component);
  if (names.length > 0) {
    try {
      input = await resolveSecrets(names, input, host.secrets);
    } catch (thrown) {
      if (host.aborted) return ABANDONED;
      return failedOnce(asFailure(thrown, ErrorCode.CREDENTIAL_NOT_FOUND), elapsed(startedAt));
    }
  }
  const { max_attempts, backoff_ms, backoff_multiplier } = step.retry;
  const { first, base } = host.attemptsOf(step);
  const lastAttempt = base + max_attempts;
  for (let attempt = first; ; attempt += 1) {
    if (host.aborted) return ABANDONED;
    host.stepStarted(step, attempt, input, parameters.bytes);
    // Starting it may have ended the run (its events passed their limit).
    if (host.aborted) return ABANDONED;
    let end: ReturnType<typeof readAttempt>;
    try {
      const result = await invoke(step, host, input, attempt);
      end = host.aborted ? ABANDONED : readAttempt(step, result, attempt, host.limits);
    } catch (thrown) {
      end = readThrown(thrown, host.aborted);
    }
    if (end.kind !== 'failed') {
      if (end.kind === 'completed') end.duration_ms = elapsed(startedAt);
      return end;
    }
    if (attempt >= lastAttempt || FINAL_FAILURES.has(end.error.code)) {
      return finalFailure(end, attempt, elapsed(startedAt));
    }
    const delay = Math.min(
      MAX_RETRY_DELAY_MS,
      Math.round(backoff_ms * backoff_multiplier ** (attempt - base - 1)),
    );
    host.stepRetrying(step, attempt, delay, end.error);
    try {
      await abortableSleep(delay, host.signal);
    } catch {
      return ABANDONED;
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
  if (timeoutMs === undefined) {
    const context = new StepContext(host, step.index, step.id, input, attempt);
    return Promise.resolve(callComponent(step, host, context));
  }
  // The step gets its own signal, aborted by the run's and by its timeout.
  const runSignal = host.signal;
  const controller = new AbortController();
  const onRunAbort = (): void => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', onRunAbort, { once: true });
  const context = new StepContext(host, step.index, step.id, input, attempt, controller.signal);
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
    resolve(callComponent(step, host, context)),
  );
  return Promise.race([execution, timeout]).finally(() => {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  });
}

/** Calls the component, inside the attempt's span when the run is traced. */
function callComponent(
  step: PlanStep,
  host: StepRunHost,
  context: StepContext,
): Promise<ExecutionResult> | ExecutionResult {
  const tracing = host.tracing;
  if (tracing === undefined) return step.component.execute(context);
  return tracing.within(step.id, () => step.component.execute(context));
}

/** A step that failed before any attempt (its parameters or credentials). */
export function failedOnce(failure: StepFailure, duration_ms: number): StepOutcome {
  return {
    kind: 'failed',
    error: failure,
    output_data: undefined,
    attempts: 1,
    duration_ms,
    output_bytes: failure.message.length,
  };
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}
