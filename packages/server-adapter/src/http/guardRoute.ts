import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { MiddlewareHandler } from 'hono';
import { auditRequest } from '../audit/auditRequest';
import type { WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { refuseNonJsonContent } from './jsonContentType';
import { parseInput } from './parseInput';
import type { RouteName } from './routeNames';
import { NoQuerySchema, ROUTE_QUERIES } from './routeQueries';

/** Makes the middleware that authenticates the caller and applies the route's rate limit. */
export type GuardRoute = (route: RouteName) => MiddlewareHandler<ApiEnv>;

/** Methods whose requests carry no content: their `Content-Type`, if any, is not looked at. */
const WITHOUT_CONTENT = new Set(['GET', 'HEAD']);

/**
 * Refuses content that is not JSON (415), authenticates (401 when the host's hook refuses, 429
 * once one IP was refused too often), counts the request (429 over a limit), then refuses a query
 * parameter on a route that reads none (400; the routes that read a query refuse the parameters
 * they do not know when they parse it).
 */
export function createRouteGuard(deps: ApiDependencies): GuardRoute {
  return (route) => async (c, next) => {
    if (!WITHOUT_CONTENT.has(c.req.method)) refuseNonJsonContent(c.req.raw);
    const user = await authenticateOrCount(deps, c.req.raw, c.env?.clientIp);
    c.set('user', user);
    await deps.limiter?.check(route, user, c.env?.clientIp, deps.access.isOpen);
    if (!ROUTE_QUERIES[route]) parseInput(NoQuerySchema, c.req.query(), 'query');
    await next();
    if (deps.audit) await auditRequest(deps.audit, route, c);
  };
}

/** The caller; a refused authentication counts against the client IP's `unauthenticated` limit. */
export async function authenticateOrCount(
  deps: Pick<ApiDependencies, 'access' | 'limiter'>,
  request: Request,
  clientIp: string | undefined,
): Promise<WorkflowUser> {
  // A client that failed too often is refused before its credentials are even looked at.
  if (!deps.access.isOpen) await deps.limiter?.refuseExhaustedUnauthenticated(clientIp);
  try {
    return await deps.access.authenticate(request);
  } catch (error) {
    if (error instanceof FlowloomError && error.code === ErrorCode.UNAUTHENTICATED) {
      await deps.limiter?.checkUnauthenticated(clientIp);
    }
    throw error;
  }
}
