import type { z } from 'zod';
import { checkParameterValue, type ParameterValueRule } from './checkParameterValue';

interface DeclaredParameter extends ParameterValueRule {
  name: string;
  default?: unknown;
  credential_type?: string | undefined;
}

/**
 * Adds an issue for every inconsistency inside one parameter declaration: a select without
 * options, `min` above `max`, a default the parameter itself would reject. Paths are relative to
 * the parameter.
 */
export function checkParameterRules(parameter: DeclaredParameter, ctx: z.RefinementCtx): void {
  const selectWithoutOptions =
    parameter.type === 'select' && (parameter.options?.length ?? 0) === 0;
  if (selectWithoutOptions) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: `Select parameter "${parameter.name}" needs at least one option`,
    });
  }
  if (parameter.credential_type !== undefined && parameter.type !== 'secret') {
    ctx.addIssue({
      code: 'custom',
      path: ['credential_type'],
      message: `Parameter "${parameter.name}" is not a secret: credential_type applies to secret parameters only`,
    });
  }
  if (parameter.min !== undefined && parameter.max !== undefined && parameter.min > parameter.max) {
    ctx.addIssue({
      code: 'custom',
      path: ['min'],
      message: `Parameter "${parameter.name}" has min greater than max`,
    });
  }
  // A select without options rejects every default: that problem is already reported above.
  if (parameter.default !== undefined && !selectWithoutOptions) {
    const problem = checkParameterValue(parameter, parameter.default);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `Default of "${parameter.name}" ${problem}`,
      });
    }
  }
}
