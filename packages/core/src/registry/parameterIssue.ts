import { z } from 'zod';

/** One problem with a step's parameter values. */
export const ParameterIssueSchema = z.object({
  /** The parameter's name. */
  parameter: z.string(),
  code: z.enum([
    'MISSING_REQUIRED_PARAMETER',
    'INVALID_PARAMETER_TYPE',
    'INVALID_PARAMETER_VALUE',
    'UNKNOWN_PARAMETER',
    'SECRET_NOT_A_CREDENTIAL',
    'MISSING_CREDENTIAL',
  ]),
  message: z.string(),
});

/** One problem with a step's parameter values. */
export type ParameterIssue = z.infer<typeof ParameterIssueSchema>;
