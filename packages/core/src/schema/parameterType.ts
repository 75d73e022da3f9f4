import { z } from 'zod';

/**
 * How a parameter's value is typed, validated and edited. Values are the wire form (`'string'`).
 *
 * @remarks Every type accepts a `{{ ... }}` expression at design time; the resolved value is
 * checked against the type when the step runs. `EXPRESSION` is the expression-friendly form: any
 * value, edited as an expression, resolved keeping its type.
 */
export const ParameterType = {
  STRING: 'string',
  TEXTAREA: 'textarea',
  NUMBER: 'number',
  BOOLEAN: 'boolean',
  SELECT: 'select',
  JSON: 'json',
  SECRET: 'secret',
  EXPRESSION: 'expression',
} as const;

/** One of the {@link ParameterType} values. */
export type ParameterType = (typeof ParameterType)[keyof typeof ParameterType];

/** Validates a {@link ParameterType}. */
export const ParameterTypeSchema = z.enum(ParameterType);
