import type { PlanStep } from '../graph/executionPlan';
import type { ExecutionResult } from '../schema/executionResult';

/** A component result checked and reduced to what the run needs. */
export type ReadResult =
  | {
      ok: true;
      output_data: unknown;
      output_handles: string[];
      set_variables: Record<string, unknown> | undefined;
    }
  | { ok: false; error: { code: string; message: string }; output_data: unknown };

/**
 * Checks a component's result and picks the handles to follow.
 *
 * @remarks A structural check by hand, not `ExecutionResultSchema.parse`: this runs once per
 * step, and a full parse there would cost more than the rest of the engine's bookkeeping.
 */
export function readResult(step: PlanStep, result: ExecutionResult | undefined): ReadResult {
  if (result === null || typeof result !== 'object' || typeof result.success !== 'boolean') {
    return invalid(
      `Component "${step.component.metadata.type}" returned no result of the form { success, output_data }`,
    );
  }
  const output_data = result.output_data ?? {};
  if (!result.success) return { ok: false, error: normaliseError(result.error), output_data };
  const { type } = step.component.metadata;
  if (!isOutputObject(output_data)) {
    return invalid(
      `Component "${type}" returned output_data that is not an object (${describe(output_data)})`,
    );
  }
  const declared = step.component.metadata.output_handles;
  let handles: string[];
  if (result.output_handle === undefined) {
    handles = step.component.successHandles as string[];
    // Following nothing would quietly skip everything after the step.
    if (step.component.mustChooseHandle) {
      const choices = declared.filter((handle) => handle.id !== 'error').map((handle) => handle.id);
      return invalid(
        `Component "${type}" chose no output handle: it declares ${choices.join(', ')} and no default (success or output), so its result must name one in output_handle`,
      );
    }
  } else {
    handles = Array.isArray(result.output_handle) ? result.output_handle : [result.output_handle];
    for (const handle of handles) {
      if (!declared.some((declaredHandle) => declaredHandle.id === handle)) {
        return invalid(
          `Component "${step.component.metadata.type}" chose output handle "${handle}", which it does not declare`,
        );
      }
    }
  }
  const set_variables =
    result.set_variables !== null && typeof result.set_variables === 'object'
      ? result.set_variables
      : undefined;
  return { ok: true, output_data, output_handles: handles, set_variables };
}

function normaliseError(error: ExecutionResult['error']): { code: string; message: string } {
  if (typeof error === 'string' && error !== '') return { code: 'STEP_FAILED', message: error };
  if (error && typeof error === 'object' && typeof error.message === 'string') {
    return {
      code: typeof error.code === 'string' && error.code !== '' ? error.code : 'STEP_FAILED',
      message: error.message,
    };
  }
  return { code: 'STEP_FAILED', message: 'The step reported failure without a reason' };
}

/**
 * What `output_data` must be (`ExecutionResultSchema`: a record): an object, not an array, a
 * primitive or null.
 */
function isOutputObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function invalid(message: string): ReadResult {
  return { ok: false, error: { code: 'INVALID_RESULT', message }, output_data: undefined };
}
