import { ErrorCode } from '@flowloom/core';
import type { Hono } from 'hono';
import { createAllowedMethods } from './allowedMethods';
import type { ApiEnv } from './apiEnv';
import { type ErrorReporter, errorResponse, httpError } from './errorResponse';

/** What {@link answerUnreadableRequest} needs of the server. */
export interface UnreadableRequestTarget {
  readonly app: Hono<ApiEnv>;
}

/** Methods a web `Request` can't carry (the Fetch standard forbids them; undici refuses them). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

const allowedMethodsOf = new WeakMap<object, (pathname: string) => string[] | undefined>();

/**
 * The answer to a request that could not even be made into a web `Request` (an adapter's job):
 * 405 with `Allow` for a method no `Request` can carry (`TRACE`) on a path the API has, 404 on
 * one it does not have, 400 for anything else it could not read. Always in the API's error
 * format: nothing a client sends may reach a framework's default error page.
 */
export function answerUnreadableRequest(
  server: UnreadableRequestTarget,
  method: string,
  pathname: string,
  reporter: ErrorReporter,
): Response {
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    let allowedAt = allowedMethodsOf.get(server.app);
    if (!allowedAt) {
      allowedAt = createAllowedMethods(() => server.app.routes);
      allowedMethodsOf.set(server.app, allowedAt);
    }
    const allowed = allowedAt(pathname);
    if (!allowed) {
      return errorResponse(
        httpError(ErrorCode.NOT_FOUND, `No route ${method} ${pathname}`),
        reporter,
      );
    }
    const allow = allowed.join(', ');
    return errorResponse(
      httpError(ErrorCode.METHOD_NOT_ALLOWED, `${pathname} answers ${allow}, not ${method}`),
      reporter,
      { allow },
    );
  }
  return errorResponse(
    httpError(ErrorCode.VALIDATION_FAILED, 'The request could not be read'),
    reporter,
  );
}
