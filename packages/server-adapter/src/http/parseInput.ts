import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { z } from 'zod';

/**
 * Validates input with a schema.
 *
 * @throws FlowloomError `VALIDATION_FAILED` listing every problem, each with its path.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) =>
    // One issue per unknown key, each naming it, so a client sees which field to drop.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key].map(String).join('.'),
          message: `Unknown field "${key}"`,
        }))
      : [{ path: issue.path.map(String).join('.'), message: issue.message }],
  );
  throw new FlowloomError(
    ErrorCode.VALIDATION_FAILED,
    `Invalid ${where}: ${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')}`,
    { issues },
  );
}
