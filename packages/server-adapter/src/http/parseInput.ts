import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { z } from 'zod';

/** One problem with an input, as error answers list it. */
interface InputIssue {
  path: string;
  message: string;
}

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
  const issues = issuesOf(parsed.error.issues, [], where === 'query' ? 'query parameter' : 'field');
  throw new FlowloomError(
    ErrorCode.VALIDATION_FAILED,
    `Invalid ${where}: ${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * zod's issues as the API lists them: one per unknown key, each naming it, so a client sees which
 * field to drop; for a body that fits none of a union's shapes (`oneOf` in the document), the
 * problems with the shape it comes closest to (fewest problems; the first on a tie).
 */
function issuesOf(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  unknown: string,
): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].map(String).join('.'),
        message: `Unknown ${unknown} "${key}"`,
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => issuesOf(branch, path, unknown));
      return branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
    }
    return [{ path: path.map(String).join('.'), message: issue.message }];
  });
}
