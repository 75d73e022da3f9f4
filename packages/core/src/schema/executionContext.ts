import { z } from 'zod';
import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { LogLevel } from './logEntry';

/** The data a step's `execute` receives; {@link ExecutionContext} adds the signal and logger. */
export const ExecutionContextDataSchema = z.object({
  /** The saved workflow the instance came from, or the instance id when it has none. */
  workflow_id: z.string(),
  instance_id: z.string(),
  /** The node id of this step. */
  step_id: z.string(),
  /** This step's parameter values, defaults applied and expressions resolved. */
  input_data: z.record(z.string(), z.unknown()),
  /** `output_data` of every step finished so far, by step id. Read-only. */
  previous_outputs: z.record(z.string(), z.unknown()),
  /** Run variables (set by `set_variable` steps or passed to `executeWorkflow`). Read-only. */
  global_variables: z.record(z.string(), z.unknown()),
  /** The input the run was started with. */
  run_input: z.record(z.string(), z.unknown()),
  /** `output_data` of the steps whose edges delivered into this one, by step id. */
  inputs: z.record(z.string(), z.unknown()),
  /**
   * What flowed in: the output of the one upstream step (the first, when several delivered), or
   * the run's input for a step with no incoming edge.
   */
  input: z.unknown(),
  /**
   * `<instance_id>:<step_id>:<attempt>`, for deduplicating side effects. Runs are at-least-once:
   * an attempt that was in flight when its process stopped (a crash, a restart, a deploy past
   * its grace period) runs again when the run resumes, with the same key. Send it where the API
   * dedupes (an `Idempotency-Key` header) or record it with the side effect and skip a key
   * already done. Each retry attempt, and a retried run's attempts, get a new key.
   */
  idempotency_key: z.string(),
});

/** Writes a line to the run's log; each call also emits a `log` event. */
export interface StepLogger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  log(level: LogLevel, message: string, data?: unknown): void;
}

/**
 * What a component's `execute(context)` receives.
 *
 * @remarks `previous_outputs` and `global_variables` are the run's live objects, shared for
 * speed: read them, never change them (return `set_variables` to set a variable).
 */
export type ExecutionContext<TInput = Record<string, unknown>> = Omit<
  z.infer<typeof ExecutionContextDataSchema>,
  'input_data'
> & {
  input_data: TInput;
  /** Aborted when the run is stopped or the step's timeout passes. */
  signal: AbortSignal;
  /** The step's logger. */
  logger: StepLogger;
  /**
   * The engine's guarded `fetch`: use it for every request a step makes, so that end users'
   * workflows cannot reach the host's own network. Absent when host code calls `execute`
   * directly; fall back to the global `fetch` then (`context.fetch ?? fetch`).
   */
  fetch?: StepFetch;
  /** Where `code` steps run JavaScript; absent when the host configured none. */
  sandbox?: CodeSandbox;
};
