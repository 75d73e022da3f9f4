import { ErrorCode, FlowloomError, toFlowloomError, VersionConflictError } from '@flowloom/core';
import { httpStatusOf } from './httpStatusOf';

/** Where unexpected errors are reported (with their stack); never the client. */
export interface ErrorReporter {
  error(message: string, error: unknown): void;
}

/**
 * The response for an error: `{ error: { code, message, issues } }` with the status its code
 * maps to. A 500 is logged with its stack and answered with a generic message.
 */
export function errorResponse(
  thrown: unknown,
  reporter: ErrorReporter,
  headers?: HeadersInit,
): Response {
  const error = toFlowloomError(thrown);
  const status = httpStatusOf(error.code);
  if (status === 500) {
    reporter.error('[flowloom] Unexpected error while answering a request', thrown);
    return json(
      500,
      { error: { code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error', issues: [] } },
      headers,
    );
  }
  const body = { code: error.code, message: error.message, issues: error.issues };
  // A save based on an older version says which version the workflow is at now.
  const details =
    error instanceof VersionConflictError ? { current_version: error.current_version } : {};
  return json(status, { error: { ...body, ...details } }, headers);
}

/** A JSON response. */
export function json(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('content-type', 'application/json; charset=utf-8');
  return response;
}

/** A typed error for the HTTP layer's own refusals. */
export function httpError(
  code: ErrorCode,
  message: string,
  issues: Array<{ path: string; message: string }> = [],
): FlowloomError {
  return new FlowloomError(code, message, { issues });
}
