import {
  type CapturedLog,
  type CreatedExecutionContext,
  createExecutionContext,
} from '../registry/createExecutionContext';
import type { ExecutionContext } from '../schema/executionContext';

export type { CapturedLog };

/** An {@link ExecutionContext} for calling a component's `execute` directly, plus its captured logs. */
export type TestExecutionContext<TInput> = CreatedExecutionContext<TInput>;

/**
 * Builds an {@link ExecutionContext} for unit-testing a component without an engine: every field
 * has a sensible default (ids `test_workflow`, `test_instance`, `test_step`), the logger records
 * into `logs`. {@link createExecutionContext} from `@flowloom/core` is the same with the ids
 * required.
 *
 * @example
 * const context = createTestContext({ input_data: { url, method: 'GET' } });
 * const result = await new HttpRequestComponent().execute(context);
 */
export function createTestContext<TInput = Record<string, unknown>>(
  overrides: Partial<ExecutionContext<TInput>> = {},
): TestExecutionContext<TInput> {
  return createExecutionContext<TInput>({
    workflow_id: 'test_workflow',
    instance_id: 'test_instance',
    step_id: 'test_step',
    ...overrides,
  });
}
