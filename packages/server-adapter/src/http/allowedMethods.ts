/** A route as Hono lists it: its method (`ALL` for middleware and any-method routes) and path. */
export interface ListedRoute {
  method: string;
  path: string;
}

/** The methods a webhook trigger may listen to: what its any-method route serves. */
export const WEBHOOK_METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'] as const;

/**
 * The methods the API serves at each of its paths, for the `Allow` header of a 405: read from the
 * app's own route list (so a new route is covered as it is added), `HEAD` beside every `GET`
 * (Hono answers it from the `GET` route).
 */
export function createAllowedMethods(routes: () => readonly ListedRoute[]) {
  let table: Array<{ pattern: RegExp; methods: Set<string> }> | undefined;
  const build = () => {
    const byPath = new Map<string, Set<string>>();
    for (const { method, path } of routes()) {
      // `app.use('*')` middleware, not a route.
      if (method === 'ALL' && path.endsWith('/*') && !path.includes(':')) continue;
      const methods = byPath.get(path) ?? new Set<string>();
      for (const served of method === 'ALL' ? WEBHOOK_METHODS : [method]) methods.add(served);
      if (methods.has('GET')) methods.add('HEAD');
      byPath.set(path, methods);
    }
    return [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
  };
  /** The methods served at `pathname`, sorted; `undefined` for a path the API does not have. */
  return (pathname: string): string[] | undefined => {
    table ??= build();
    const methods = new Set<string>();
    for (const route of table) {
      if (route.pattern.test(pathname)) for (const method of route.methods) methods.add(method);
    }
    return methods.size > 0 ? [...methods].sort() : undefined;
  };
}

/** A Hono path (`/instances/:instance_id`, `/webhooks/:workflow_id/*`) as a regular expression. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}
