import { ErrorCode } from '../errors/errorCodes';
import { findJsonDepthProblem, measureJsonBytes } from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import { isReservedId } from '../schema/isReservedId';

/** Data a step made, checked: its size as JSON, or why it is refused. */
export type CheckedStepData =
  | { ok: true; bytes: number }
  | { ok: false; failure: { code: string; message: string } };

/**
 * Checks what a step produced (its output and variables, or its resolved parameters) against
 * the depth and size limits, before any of it is journaled: one step can't grow a run past
 * memory, and nothing too deep reaches a store's `JSON.stringify`.
 */
export function checkStepData(
  data: unknown,
  variables: Record<string, unknown> | undefined,
  limits: WorkflowLimits,
  what: 'output' | 'parameters' = 'output',
): CheckedStepData {
  const label = what === 'output' ? "The step's output" : "The step's parameters";
  const tooDeep = findJsonDepthProblem(data, limits.maxJsonDepth);
  if (tooDeep) {
    return refuse(
      ErrorCode.OUTPUT_TOO_DEEP,
      `${label} nest deeper than ${limits.maxJsonDepth} levels (at ${tooDeep.path || 'the top'})`,
    );
  }
  const bytes = measureJsonBytes(data, limits.maxStepOutputBytes);
  if (bytes === undefined) {
    return refuse(
      ErrorCode.OUTPUT_TOO_LARGE,
      `${label} are larger than ${limits.maxStepOutputBytes} bytes as JSON`,
    );
  }
  if (variables === undefined) return { ok: true, bytes };
  for (const name of Object.keys(variables)) {
    if (isReservedId(name)) {
      return refuse(ErrorCode.INVALID_RESULT, `Variable name "${name}" is reserved`);
    }
  }
  if (findJsonDepthProblem(variables, limits.maxJsonDepth)) {
    return refuse(
      ErrorCode.OUTPUT_TOO_DEEP,
      `The step's variables nest deeper than ${limits.maxJsonDepth} levels`,
    );
  }
  const variableBytes = measureJsonBytes(variables, limits.maxStepOutputBytes - bytes);
  if (variableBytes === undefined) {
    return refuse(
      ErrorCode.OUTPUT_TOO_LARGE,
      `The step's output and variables are larger than ${limits.maxStepOutputBytes} bytes as JSON`,
    );
  }
  return { ok: true, bytes: bytes + variableBytes };
}

function refuse(code: string, message: string): CheckedStepData {
  return { ok: false, failure: { code, message } };
}
