import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { findJsonDepthProblem } from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import { isReservedId } from '../schema/isReservedId';
import { flatJsonBytes } from './checkStepData';

/**
 * Checks a run's input or variables: an object of bounded depth, without reserved names.
 *
 * @throws FlowloomError `VALIDATION_FAILED` naming the field.
 */
export function checkRunInput(
  value: unknown,
  field: 'input_data' | 'variables',
  limits: WorkflowLimits,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, `${field} must be an object`, {
      issues: [{ path: field, message: 'Expected an object' }],
    });
  }
  // A flat object (the usual input) is one level deep: no walk needed.
  const tooDeep =
    flatJsonBytes(value) === undefined
      ? findJsonDepthProblem(value, limits.maxJsonDepth)
      : undefined;
  if (tooDeep) {
    const path = tooDeep.path ? `${field}.${tooDeep.path}` : field;
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      `${field} nests deeper than ${limits.maxJsonDepth} levels at ${path}`,
      { issues: [{ path, message: `Nested deeper than ${limits.maxJsonDepth} levels` }] },
    );
  }
  if (field === 'variables') {
    const reserved = Object.keys(value).find(isReservedId);
    if (reserved !== undefined) {
      throw new FlowloomError(
        ErrorCode.VALIDATION_FAILED,
        `Variable name "${reserved}" is reserved`,
        {
          issues: [{ path: `variables.${reserved}`, message: 'Reserved name' }],
        },
      );
    }
  }
}
