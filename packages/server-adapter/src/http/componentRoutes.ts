import { ErrorCode } from '@flowloom/core';
import type { Hono } from 'hono';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import { httpError, json } from './errorResponse';
import type { GuardRoute } from './guardRoute';

/**
 * `GET /components` (with an ETag, so clients revalidate instead of refetching: this replaces
 * the seed's Redis cache of component metadata) and `GET /components/{component_type}`.
 */
export function addComponentRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  let cached: { revision: number; body: string; etag: string } | undefined;
  const listing = () => {
    if (cached?.revision !== deps.registry.revision) {
      const body = JSON.stringify({ components: deps.registry.getAllComponents() });
      cached = { revision: deps.registry.revision, body, etag: `W/"${hashOf(body)}"` };
    }
    return cached;
  };

  app.get('/components', guard('listComponents'), async (c) => {
    await deps.access.authorize(c.get('user'), 'components:read', { type: 'component' });
    const { body, etag } = listing();
    const headers = { etag, 'cache-control': 'no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
    });
  });

  app.get('/components/:component_type', guard('getComponent'), async (c) => {
    const type = c.req.param('component_type');
    await deps.access.authorize(c.get('user'), 'components:read', { type: 'component', id: type });
    const component = deps.registry.getComponent(type);
    if (!component) throw httpError(ErrorCode.NOT_FOUND, `Unknown component type "${type}"`);
    return json(200, component);
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === etag.slice(2);
  });
}

/** FNV-1a, 32 bits, hex: enough to tell one component list from another. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16)}-${text.length.toString(16)}`;
}
