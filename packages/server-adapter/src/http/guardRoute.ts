import type { MiddlewareHandler } from 'hono';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import type { RouteName } from './routeNames';

/** Makes the middleware that authenticates the caller and applies the route's rate limit. */
export type GuardRoute = (route: RouteName) => MiddlewareHandler<ApiEnv>;

/** Authenticates (401 when the host's hook refuses), then counts the request (429 over a limit). */
export function createRouteGuard(deps: ApiDependencies): GuardRoute {
  return (route) => async (c, next) => {
    const user = await deps.access.authenticate(c.req.raw);
    c.set('user', user);
    await deps.limiter?.check(route, user, c.env?.clientIp, deps.access.isOpen);
    await next();
  };
}
