import type { AddressInfo } from 'node:net';
import { componentRegistry } from '@flowloom/core';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, createExpressMiddleware } from '@flowloom/server-adapter/express';
import express from 'express';
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

const app = express();
app.use(createExpressMiddleware(workflows)); // before body parsers: it reads bodies itself
if (settings.servePage) app.use(express.static(settings.pageDir));

const httpServer = app.listen(settings.port, settings.host, () => {
  const { port } = httpServer.address() as AddressInfo;
  console.log(`Flowloom API on http://${settings.host}:${port}${workflows.basePath}`);
  if (settings.servePage) console.log(`Open http://${settings.host}:${port}`);
});
const webSocket = attachWorkflowWebSocket(httpServer, workflows);

closeOnSignal(async () => {
  await workflows.close({ graceMs: 5_000 });
  await webSocket.close();
  httpServer.close();
});
