import { ErrorCode, type ErrorIssue, FlowloomError } from '@flowloom/core';
import { invalidInput } from './errorAnswer';

/** The server's default body limit: 1 MiB. */
const BODY_LIMIT = 1024 * 1024;

/** What the testing kit needs of a zod schema (core's schemas), without depending on zod. */
export interface InputSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> };
      };
}

/**
 * Reads a request's JSON body as the server does: empty reads as `{}`, more than 1 MiB is a 413,
 * bad JSON a 400.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > BODY_LIMIT) {
    throw new FlowloomError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The request body is larger than the limit of ${BODY_LIMIT} bytes`,
    );
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      `The request body is not valid JSON: ${(error as Error).message}`,
      { issues: [{ path: '', message: 'Invalid JSON' }] },
    );
  }
}

/**
 * Checks input with a schema.
 *
 * @throws FlowloomError `VALIDATION_FAILED` listing every problem with its path.
 */
export function parseInput<T>(schema: InputSchema<T>, input: unknown, where: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: ErrorIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw invalidInput(where, issues);
}
