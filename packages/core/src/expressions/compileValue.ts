import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { DEFAULT_MAX_STEP_OUTPUT_BYTES } from '../limits/expressionLimitDefaults';
import { type ExpressionScope, evaluatePath } from './evaluatePath';
import type { ExpressionPath } from './expressionPath';
import { type ExpressionOptions, parseTemplate } from './parseTemplate';

/** A parameter value compiled once; `evaluate` resolves its expressions against a scope. */
export interface CompiledValue {
  /** Whether the value holds any expression (when not, `evaluate` returns it unchanged). */
  readonly dynamic: boolean;
  /** Every expression path in the value, for validation (e.g. references to unknown steps). */
  readonly paths: ReadonlyArray<ExpressionPath>;
  evaluate(scope: ExpressionScope): unknown;
}

/**
 * Compiles a parameter value: strings are parsed for `{{ ... }}`, arrays and objects are walked.
 * A string that is exactly one expression keeps the resolved value's type; mixed text becomes a
 * string with each value interpolated (objects as JSON, `undefined` as empty).
 *
 * @param options - `maxExpressionLength` caps each expression.
 * @throws FlowloomError `EXPRESSION_ERROR` for a malformed expression or one longer than
 * `maxExpressionLength`.
 */
export function compileValue(value: unknown, options: ExpressionOptions = {}): CompiledValue {
  return compileAt(value, options, 0);
}

function compileAt(value: unknown, options: ExpressionOptions, depth: number): CompiledValue {
  if (typeof value === 'string') return compileString(value, options);
  if (depth < 50 && Array.isArray(value)) {
    const items = value.map((item) => compileAt(item, options, depth + 1));
    if (!items.some((item) => item.dynamic)) return constant(value);
    return {
      dynamic: true,
      paths: items.flatMap((item) => item.paths),
      evaluate: (scope) => items.map((item) => item.evaluate(scope)),
    };
  }
  if (depth < 50 && value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => [key, compileAt(item, options, depth + 1)] as const,
    );
    if (!entries.some(([, item]) => item.dynamic)) return constant(value);
    return {
      dynamic: true,
      paths: entries.flatMap(([, item]) => item.paths),
      evaluate: (scope) => {
        const result: Record<string, unknown> = {};
        for (const [key, item] of entries) {
          const resolved = item.evaluate(scope);
          // Assigning `__proto__` would set the prototype (from a step's output!) and drop the key.
          if (key === '__proto__') {
            Object.defineProperty(result, key, {
              value: resolved,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          } else {
            result[key] = resolved;
          }
        }
        return result;
      },
    };
  }
  return constant(value);
}

function compileString(text: string, options: ExpressionOptions): CompiledValue {
  const parsed = parseTemplate(text, options);
  if (parsed.kind === 'literal') return constant(text);
  if (parsed.kind === 'single') {
    const { path } = parsed;
    return { dynamic: true, paths: [path], evaluate: (scope) => evaluatePath(path, scope) };
  }
  const { parts } = parsed;
  const maxLength = options.maxResultLength ?? DEFAULT_MAX_STEP_OUTPUT_BYTES;
  return {
    dynamic: true,
    paths: parts.filter((part): part is ExpressionPath => typeof part !== 'string'),
    evaluate: (scope) => {
      let result = '';
      for (const part of parts) {
        result += typeof part === 'string' ? part : stringify(evaluatePath(part, scope));
        // Checked as it grows: a template reading a large value many times must stop early.
        if (result.length > maxLength) throw tooLong(text, maxLength);
      }
      return result;
    },
  };
}

function tooLong(text: string, maxLength: number): FlowloomError {
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new FlowloomError(
    ErrorCode.OUTPUT_TOO_LARGE,
    `The text "${shown}" resolves to more than ${maxLength} characters`,
  );
}

function constant(value: unknown): CompiledValue {
  return { dynamic: false, paths: [], evaluate: () => value };
}

function stringify(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
