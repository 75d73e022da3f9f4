import { containsExpression } from '../expressions/containsExpression';
import {
  findParameterValueProblem,
  isMissingValue,
  type ParameterValueProblem,
} from '../schema/checkParameterValue';
import type { ComponentParameter } from '../schema/componentParameter';
import type { CustomParameterIssue } from './BaseWorkflowComponent';
import type { ParameterIssue } from './parameterIssue';

/** A component's own parameter check, run after the declared type checks. */
export type CustomParameterCheck = (
  values: Readonly<Record<string, unknown>>,
) => CustomParameterIssue[];

/** Options of {@link CompiledParameters.validate}. */
export interface ValidateParametersOptions {
  /**
   * Accept `{{ ... }}` expressions in place of any value, as the editor does at design time.
   * @default true
   */
  allowExpressions?: boolean;
}

/** A validation's options when none are given: one object, not one per node of every save. */
const DEFAULT_VALIDATE_OPTIONS: ValidateParametersOptions = Object.freeze({});

/** A component's parameter declarations, turned once into fast checks. */
export interface CompiledParameters {
  /** The declared parameters by name. */
  readonly byName: ReadonlyMap<string, ComponentParameter>;
  /** Default values of the parameters that declare one. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Every problem with `values`, one issue per parameter at most. */
  validate(values: unknown, options?: ValidateParametersOptions): ParameterIssue[];
  /** `values` with defaults filled in where a value is missing. */
  withDefaults(values: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

const ISSUE_CODE_OF_PROBLEM = {
  type: 'INVALID_PARAMETER_TYPE',
  value: 'INVALID_PARAMETER_VALUE',
  literal_secret: 'SECRET_NOT_A_CREDENTIAL',
  missing_credential: 'MISSING_CREDENTIAL',
} as const satisfies Record<ParameterValueProblem['kind'], ParameterIssue['code']>;

/** Compiles a component's parameter declarations into checks (done once per registration). */
export function compileParameters(
  parameters: ReadonlyArray<ComponentParameter>,
  customCheck?: CustomParameterCheck,
): CompiledParameters {
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const defaults: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.default !== undefined) defaults[parameter.name] = parameter.default;
  }

  function validate(
    values: unknown,
    options: ValidateParametersOptions = DEFAULT_VALIDATE_OPTIONS,
  ): ParameterIssue[] {
    const allowExpressions = options.allowExpressions ?? true;
    if (values === undefined || values === null) values = {};
    if (typeof values !== 'object' || Array.isArray(values)) {
      return [
        { parameter: '', code: 'INVALID_PARAMETER_TYPE', message: 'Parameters must be an object' },
      ];
    }
    const given = values as Record<string, unknown>;
    const issues: ParameterIssue[] = [];
    for (const parameter of parameters) {
      // Own keys only: a parameter named `constructor` must not read Object.prototype's.
      const value = Object.hasOwn(given, parameter.name) ? given[parameter.name] : undefined;
      if (isMissingValue(value)) {
        if (parameter.required && parameter.default === undefined) {
          issues.push({
            parameter: parameter.name,
            code: 'MISSING_REQUIRED_PARAMETER',
            message: `${parameter.label} is required`,
          });
        }
        continue;
      }
      if (allowExpressions && containsExpression(value)) continue;
      const problem = findParameterValueProblem(parameter, value);
      if (problem) {
        issues.push({
          parameter: parameter.name,
          code: ISSUE_CODE_OF_PROBLEM[problem.kind],
          message: `${parameter.label} ${problem.message}`,
        });
      }
    }
    if (customCheck) {
      const flagged = new Set(issues.map((issue) => issue.parameter));
      // Only values that are final and passed the type checks reach the component's own check.
      const checkable: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(withDefaults(given))) {
        if (
          !flagged.has(name) &&
          !isMissingValue(value) &&
          !(allowExpressions && containsExpression(value))
        ) {
          checkable[name] = value;
        }
      }
      for (const issue of runCustomCheck(customCheck, checkable)) {
        issues.push({
          parameter: issue.parameter,
          code: 'INVALID_PARAMETER_VALUE',
          message: issue.message,
        });
      }
    }
    // Own keys, walked without an array of them: this runs for every node of every save.
    for (const name in given) {
      if (Object.hasOwn(given, name) && !byName.has(name)) {
        issues.push({
          parameter: name,
          code: 'UNKNOWN_PARAMETER',
          message: `Unknown parameter "${name}"`,
        });
      }
    }
    return issues;
  }

  function withDefaults(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const result: Record<string, unknown> = { ...defaults };
    for (const [name, value] of Object.entries(values)) {
      if (!isMissingValue(value) || !Object.hasOwn(defaults, name)) result[name] = value;
    }
    return result;
  }

  return { byName, defaults, validate, withDefaults };
}

/** Runs a component's own check; a check that throws becomes one issue instead of a crash. */
function runCustomCheck(
  customCheck: CustomParameterCheck,
  values: Readonly<Record<string, unknown>>,
): CustomParameterIssue[] {
  try {
    const issues = customCheck(values);
    return Array.isArray(issues) ? issues : [];
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return [{ parameter: '', message: `The component's own parameter check failed: ${reason}` }];
  }
}
