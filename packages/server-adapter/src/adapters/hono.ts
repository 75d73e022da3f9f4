import type { Context, Hono } from 'hono';
import type { WorkflowServer } from '../createWorkflowServer';

export {
  type AttachedWebSocket,
  attachWebSocketServer as attachWorkflowWebSocket,
} from '../node/attachWebSocketServer';

/**
 * Mounts the workflow API on a Hono app under the server's `basePath`. On Node, attach the
 * WebSocket to the server `serve()` returns with `attachWorkflowWebSocket`.
 *
 * @example
 * const workflows = createWorkflowServer();
 * const app = new Hono();
 * mountWorkflowApi(app, workflows);
 * const httpServer = serve({ fetch: app.fetch, port: 8000 });
 * attachWorkflowWebSocket(httpServer, workflows);
 */
export function mountWorkflowApi<App extends Hono>(app: App, server: WorkflowServer): App {
  const handle = (c: Context) => server.fetch(c.req.raw, { clientIp: clientIpOf(c) });
  app.all(server.basePath || '/', handle);
  app.all(`${server.basePath}/*`, handle);
  return app;
}

/** The client address where the runtime gives one (on Node, @hono/node-server's `incoming`). */
function clientIpOf(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress;
}
