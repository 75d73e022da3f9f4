import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { MiddlewareHandler } from 'hono';
import type { WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import type { RouteName } from './routeNames';

/** Makes the middleware that authenticates the caller and applies the route's rate limit. */
export type GuardRoute = (route: RouteName) => MiddlewareHandler<ApiEnv>;

/**
 * Authenticates (401 when the host's hook refuses, 429 once one IP was refused too often), then
 * counts the request (429 over a limit).
 */
export function createRouteGuard(deps: ApiDependencies): GuardRoute {
  return (route) => async (c, next) => {
    const user = await authenticateOrCount(deps, c.req.raw, c.env?.clientIp);
    c.set('user', user);
    await deps.limiter?.check(route, user, c.env?.clientIp, deps.access.isOpen);
    await next();
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
