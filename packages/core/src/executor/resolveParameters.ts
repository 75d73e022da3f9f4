import { ErrorCode } from '../errors/errorCodes';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import { checkStepData } from './checkStepData';
import { asFailure, type StepFailure } from './stepFailure';

/** A step's parameters for one execution, or why they can't be resolved. */
export type ResolvedParameters =
  | { ok: true; values: Record<string, unknown>; bytes: number }
  | { ok: false; failure: StepFailure };

/**
 * The step's parameter values with expressions resolved and checked, or why they can't be.
 * A step without expressions gets its plan's frozen parameters as they are: no copy.
 */
export function resolveParameters(
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
