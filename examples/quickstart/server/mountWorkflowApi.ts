import type { Server } from 'node:http';
import { createWorkflowServer, type WorkflowServerOptions } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, createExpressMiddleware } from '@flowloom/server-adapter/express';
import type { Express } from 'express';

/** Mounts the workflow API on an Express app, and its WebSocket on the app's HTTP server. */
export function mountWorkflowApi(app: Express, httpServer: Server, options: WorkflowServerOptions) {
  const workflows = createWorkflowServer(options); // e.g. { store: new SqliteStore('flowloom.db') }
  app.use(createExpressMiddleware(workflows)); // before body parsers: it reads bodies itself
  const webSocket = attachWorkflowWebSocket(httpServer, workflows);
  return { workflows, webSocket };
}
