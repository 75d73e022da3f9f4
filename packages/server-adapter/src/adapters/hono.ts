import type { WorkflowServer } from '../createWorkflowServer';
import { answerUnreadableRequest } from '../http/answerUnreadableRequest';

export {
  type AttachedWebSocket,
  attachWebSocketServer as attachWorkflowWebSocket,
} from '../node/attachWebSocketServer';

/** What the API's handler reads of a Hono context. */
export interface HonoContextLike {
  req: { raw: Request };
  env: unknown;
}

/**
 * What {@link mountWorkflowApi} needs of a Hono app: its `all` route method. Typed by that
 * rather than by this package's own copy of hono, so an app of any Hono 4 (≥ 4.6) fits, from
 * whichever copy the host installed.
 */
export interface HonoAppLike {
  all(path: string, handler: (c: HonoContextLike) => Promise<Response>): unknown;
}

/**
 * Mounts the workflow API on a Hono app under the server's `basePath`. On Node, attach the
 * WebSocket to the server `serve()` (from `@hono/node-server`) returns with
 * `attachWorkflowWebSocket`.
 *
 * @example
 * import { serve } from '@hono/node-server';
 * import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
 *
 * const workflows = createWorkflowServer();
 * const app = new Hono();
 * mountWorkflowApi(app, workflows);
 * const httpServer = serve({ fetch: app.fetch, port: 8000 });
 * attachWorkflowWebSocket(httpServer, workflows);
 */
export function mountWorkflowApi<App extends HonoAppLike>(app: App, server: WorkflowServer): App {
  const handle = async (c: HonoContextLike) => {
    try {
      return await server.fetch(c.req.raw, { clientIp: clientIpOf(c) });
    } catch {
      // The runtime's request could not be read (@hono/node-server builds it lazily, and a
      // `TRACE` can't become one): answered in the API's format, never by Hono's error page.
      const { pathname } = new URL(c.req.raw.url, 'http://localhost');
      return answerUnreadableRequest(server, c.req.raw.method, pathname, console);
    }
  };
  app.all(server.basePath || '/', handle);
  app.all(`${server.basePath}/*`, handle);
  return app;
}

/** The client address where the runtime gives one (on Node, @hono/node-server's `incoming`). */
function clientIpOf(c: HonoContextLike): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress;
}
