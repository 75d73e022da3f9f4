import type { ExecutionContext, StepLogger } from '../schema/executionContext';
import type { LogLevel } from '../schema/logEntry';

/** A log line written through the logger of {@link createExecutionContext}. */
export interface CapturedLog {
  level: LogLevel;
  message: string;
  data?: unknown;
}

/**
 * What {@link createExecutionContext} takes: the seed's six fields, and optionally any other
 * field of an {@link ExecutionContext}.
 */
export type ExecutionContextInit<TInput = Record<string, unknown>> = Pick<
  ExecutionContext<TInput>,
  'workflow_id' | 'instance_id' | 'step_id'
> & {
  /** The step's parameter values; declared defaults are applied when `execute` is called. */
  input_data?: TInput;
  /** @default {} */
  previous_outputs?: Record<string, unknown>;
  /** @default {} */
  global_variables?: Record<string, unknown>;
} & Partial<
    Omit<
      ExecutionContext<TInput>,
      | 'workflow_id'
      | 'instance_id'
      | 'step_id'
      | 'input_data'
      | 'previous_outputs'
      | 'global_variables'
    >
  >;

/** An {@link ExecutionContext} made by {@link createExecutionContext}, with the lines it logged. */
export type CreatedExecutionContext<TInput = Record<string, unknown>> = ExecutionContext<TInput> & {
  /** Every line written through `logger` (unless a logger was given), oldest first. */
  logs: CapturedLog[];
};

/**
 * Makes a complete {@link ExecutionContext} from the seed's six fields, to call a component's
 * `execute` without an engine (a unit test, a script, another host). Works in any JavaScript
 * runtime.
 *
 * Fields left out get safe stand-ins: a `signal` that never aborts, a `logger` that collects
 * lines into `logs`, `run_input`/`inputs` `{}`, `input` the run input, `idempotency_key`
 * `<instance_id>:<step_id>:1`, and no `fetch` (components fall back to the global one, with no
 * guard against private addresses).
 *
 * @example
 * const context = createExecutionContext({
 *   workflow_id: 'test_workflow', instance_id: 'test_instance', step_id: 'test_step',
 *   input_data: { url: 'https://api.example.com/test', method: 'GET' },
 *   previous_outputs: {}, global_variables: {},
 * });
 * const result = await new HttpRequestComponent().execute(context);
 */
export function createExecutionContext<TInput = Record<string, unknown>>(
  init: ExecutionContextInit<TInput>,
): CreatedExecutionContext<TInput> {
  const logs: CapturedLog[] = [];
  const run_input = init.run_input ?? {};
  const context: CreatedExecutionContext<TInput> = {
    workflow_id: init.workflow_id,
    instance_id: init.instance_id,
    step_id: init.step_id,
    input_data: init.input_data ?? ({} as TInput),
    previous_outputs: init.previous_outputs ?? {},
    global_variables: init.global_variables ?? {},
    run_input,
    inputs: init.inputs ?? {},
    input: 'input' in init ? init.input : run_input,
    idempotency_key: init.idempotency_key ?? `${init.instance_id}:${init.step_id}:1`,
    signal: init.signal ?? new AbortController().signal,
    logger: init.logger ?? collectingLogger(logs),
    logs,
  };
  if (init.fetch) context.fetch = init.fetch;
  if (init.sandbox) context.sandbox = init.sandbox;
  return context;
}

function collectingLogger(logs: CapturedLog[]): StepLogger {
  const log = (level: LogLevel, message: string, data?: unknown): void => {
    logs.push(data === undefined ? { level, message } : { level, message, data });
  };
  return {
    log,
    debug: (message, data) => log('debug', message, data),
    info: (message, data) => log('info', message, data),
    warn: (message, data) => log('warn', message, data),
    error: (message, data) => log('error', message, data),
  };
}
