import type { Server } from 'node:http';
import { componentRegistry } from '@flowloom/core';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { closeOnSignal } from './closeOnSignal';
import { greetComponent } from './greetComponent';
import { readSettings } from './readSettings';
import { seedSampleWorkflow } from './seedSampleWorkflow';

const settings = readSettings();

// Your components, next to the built-ins; the editor's palette lists them all.
componentRegistry.registerComponent(greetComponent);

// The workflow API (REST under /api/workflow, and its WebSocket), on SQLite. No sign-in here:
// pass `authenticate` (and `authorize`) before the app leaves your machine.
const workflows = createWorkflowServer({ store: new SqliteStore(settings.databasePath) });
await seedSampleWorkflow(workflows);

const app = new Hono();
mountWorkflowApi(app, workflows);
if (settings.servePage) app.use('/*', serveStatic({ root: './dist' }));

// On Node, the WebSocket rides on the server `serve()` returns.
const httpServer = serve(
  { fetch: app.fetch, port: settings.port, hostname: settings.host },
  (info) => {
    console.log(`Flowloom API on http://${settings.host}:${info.port}${workflows.basePath}`);
    if (settings.servePage) console.log(`Open http://${settings.host}:${info.port}`);
  },
);
const webSocket = attachWorkflowWebSocket(httpServer, workflows);

closeOnSignal(async () => {
  await workflows.close({ graceMs: 5_000 });
  await webSocket.close();
  (httpServer as Server).close();
});
