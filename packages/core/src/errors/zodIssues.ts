import type { z } from 'zod';
import type { ErrorIssue } from './FlowloomError';

/** Turns zod's issues into `{ path, message }` pairs with dotted paths. */
export function toErrorIssues(error: z.ZodError, prefix = ''): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: joinPath(prefix, issue.path),
    message: issue.message,
  }));
}

/** Joins a prefix and a path of keys into a dotted path (`nodes.2.data`). */
export function joinPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  const keys = path.map((key) => String(key));
  return [prefix, ...keys].filter((part) => part !== '').join('.');
}
