import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExpressionPath } from './expressionPath';

/** What expressions read: step outputs, the run's input and run variables. */
export interface ExpressionScope {
  /** `output_data` of every step finished so far, by step id. */
  steps: Readonly<Record<string, unknown>>;
  /** The run's input. */
  input: unknown;
  /** Run variables. */
  vars: Readonly<Record<string, unknown>>;
  /** Every step id of the workflow, to tell "not run yet" from "no such step". */
  stepIds?: ReadonlySet<string>;
}

/**
 * Reads the value a path points to. A missing last key gives `undefined`; reading through a
 * missing or non-object value, or naming an unknown or unfinished step, is an error.
 *
 * @throws FlowloomError `EXPRESSION_ERROR` saying which part of the path failed.
 */
export function evaluatePath(path: ExpressionPath, scope: ExpressionScope): unknown {
  let value: unknown;
  let start = 0;
  if (path.root === 'steps') {
    const stepId = String(path.segments[0]);
    if (!Object.hasOwn(scope.steps, stepId)) {
      const known = scope.stepIds?.has(stepId) ?? false;
      throw pathError(
        path,
        known
          ? `refers to step "${stepId}", which has not completed before this step`
          : `refers to unknown step "${stepId}"`,
      );
    }
    value = scope.steps[stepId];
    start = 1;
  } else {
    value = path.root === 'input' ? scope.input : scope.vars;
  }
  for (let index = start; index < path.segments.length; index += 1) {
    const key = path.segments[index]!;
    if (value === null || value === undefined || typeof value !== 'object') {
      const walked = [path.root, ...path.segments.slice(0, index)].join('.');
      throw pathError(path, `cannot read "${String(key)}": ${walked} is ${describe(value)}`);
    }
    value = Object.hasOwn(value, key)
      ? (value as Record<string | number, unknown>)[key]
      : undefined;
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function pathError(path: ExpressionPath, problem: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.EXPRESSION_ERROR,
    `Expression "{{ ${path.source} }}" ${problem}`,
  );
}
