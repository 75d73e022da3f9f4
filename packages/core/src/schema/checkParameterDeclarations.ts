import type { z } from 'zod';
import { checkParameterValue } from './checkParameterValue';
import type { ParameterType } from './parameterType';

interface DeclaredParameter {
  name: string;
  type: ParameterType;
  default?: unknown;
  options?: Array<{ value: string | number }> | undefined;
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
}

/** Adds an issue for every inconsistency between a component's parameter declarations. */
export function checkParameterDeclarations(
  parameters: ReadonlyArray<DeclaredParameter>,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  parameters.forEach((parameter, index) => {
    const path = ['parameters', index];
    if (seen.has(parameter.name)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'name'], message: `Parameter "${parameter.name}" is declared twice` });
    }
    seen.add(parameter.name);
    if (parameter.type === 'select' && (parameter.options?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: `Select parameter "${parameter.name}" needs at least one option` });
    }
    if (parameter.min !== undefined && parameter.max !== undefined && parameter.min > parameter.max) {
      ctx.addIssue({ code: 'custom', path: [...path, 'min'], message: `Parameter "${parameter.name}" has min greater than max` });
    }
    if (parameter.default !== undefined) {
      const problem = checkParameterValue(parameter, parameter.default);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: [...path, 'default'], message: `Default of "${parameter.name}" ${problem}` });
      }
    }
  });
}
