import { ErrorCode, FlowloomError } from '@flowloom/core';

/** The part of a zod schema this module uses, so the package needs no zod of its own. */
export interface StoredRecordSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/**
 * Validates a record read back from a database against its core schema.
 *
 * @remarks A row that fails (edited by hand, written by an incompatible version) throws
 * `INTERNAL_ERROR` naming every problem, rather than handing a malformed record to the engine.
 */
export function readStoredRecord<T>(
  schema: StoredRecordSchema<T>,
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new FlowloomError(ErrorCode.INTERNAL_ERROR, `Stored ${what} is malformed`, {
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  });
}
