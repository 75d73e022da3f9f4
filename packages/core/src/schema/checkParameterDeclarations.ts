import type { z } from 'zod';

/**
 * Adds an issue for every parameter name declared more than once.
 *
 * @remarks Runs even when other parts of the metadata failed to parse (so that every problem is
 * reported at once), hence it reads `parameters` as unknown input and skips what is malformed.
 */
export function checkParameterDeclarations(parameters: unknown, ctx: z.RefinementCtx): void {
  if (!Array.isArray(parameters)) return;
  const seen = new Set<string>();
  parameters.forEach((parameter: unknown, index) => {
    const name = (parameter as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    if (seen.has(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', index, 'name'],
        message: `Parameter "${name}" is declared twice`,
      });
    }
    seen.add(name);
  });
}
