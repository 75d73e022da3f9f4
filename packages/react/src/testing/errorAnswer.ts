import {
  ErrorCode,
  type ErrorIssue,
  FlowloomError,
  toFlowloomError,
  VersionConflictError,
} from '@flowloom/core';
import { HttpResponse } from 'msw';

/**
 * The status each error code is answered with, as `@flowloom/server-adapter` maps them; anything
 * else is a 500. Copied rather than imported: the server package is Node-only and the testing
 * kit also runs in browsers (Storybook).
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.INVALID_WORKFLOW]: 400,
  [ErrorCode.INVALID_COMPONENT]: 400,
  [ErrorCode.UNKNOWN_COMPONENT]: 404,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.TIMEOUT]: 408,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.TOO_MANY_RUNS]: 429,
  [ErrorCode.SHUTTING_DOWN]: 503,
  // A server without a credential key answers every credential route so.
  [ErrorCode.NOT_CONFIGURED]: 501,
  [ErrorCode.NO_TRIGGER]: 400,
};

/** The fake API's answer to an error: `{ error: { code, message, issues } }` and its status. */
export function errorAnswer(thrown: unknown): HttpResponse<{
  error: { code: string; message: string; issues: ErrorIssue[]; current_version?: number };
}> {
  const error = toFlowloomError(thrown);
  const status = STATUS_BY_CODE[error.code] ?? 500;
  const body =
    status === 500
      ? { code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error', issues: [] }
      : { code: error.code, message: error.message, issues: error.issues };
  // A save based on an older version says which version the workflow is at, as the server does.
  const details =
    error instanceof VersionConflictError ? { current_version: error.current_version } : {};
  return HttpResponse.json({ error: { ...body, ...details } }, { status });
}

/** A `VALIDATION_FAILED` error listing every problem, worded as the server words it. */
export function invalidInput(where: string, issues: ErrorIssue[]): FlowloomError {
  const listed = issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ');
  return new FlowloomError(ErrorCode.VALIDATION_FAILED, `Invalid ${where}: ${listed}`, { issues });
}

/** A `NOT_FOUND` error. */
export function notFound(message: string): FlowloomError {
  return new FlowloomError(ErrorCode.NOT_FOUND, message);
}
