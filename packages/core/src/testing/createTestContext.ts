import type { ExecutionContext, StepLogger } from '../schema/executionContext';
import type { LogLevel } from '../schema/logEntry';

/** A log line captured by {@link createTestContext}'s logger. */
export interface CapturedLog {
  level: LogLevel;
  message: string;
  data?: unknown;
}

/** An {@link ExecutionContext} for calling a component's `execute` directly, plus its captured logs. */
export type TestExecutionContext<TInput> = ExecutionContext<TInput> & { logs: CapturedLog[] };

/**
 * Builds an {@link ExecutionContext} for unit-testing a component without an engine: every field
 * has a sensible default, the logger records into `logs`.
 *
 * @example
 * const context = createTestContext({ input_data: { url, method: 'GET' } });
 * const result = await new HttpRequestComponent().execute(context);
 */
export function createTestContext<TInput = Record<string, unknown>>(
  overrides: Partial<ExecutionContext<TInput>> = {},
): TestExecutionContext<TInput> {
  const logs: CapturedLog[] = [];
  const log = (level: LogLevel, message: string, data?: unknown): void => {
    logs.push(data === undefined ? { level, message } : { level, message, data });
  };
  const logger: StepLogger = {
    log,
    debug: (message, data) => log('debug', message, data),
    info: (message, data) => log('info', message, data),
    warn: (message, data) => log('warn', message, data),
    error: (message, data) => log('error', message, data),
  };
  const run_input = overrides.run_input ?? {};
  return {
    workflow_id: 'test_workflow',
    instance_id: 'test_instance',
    step_id: 'test_step',
    input_data: {} as TInput,
    previous_outputs: {},
    global_variables: {},
    run_input,
    inputs: {},
    input: run_input,
    signal: new AbortController().signal,
    logger,
    ...overrides,
    logs,
  };
}
