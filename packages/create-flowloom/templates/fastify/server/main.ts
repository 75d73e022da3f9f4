import fastifyStatic from '@fastify/static';
import { componentRegistry } from '@flowloom/core';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { flowloomFastify } from '@flowloom/server-adapter/fastify';
import Fastify from 'fastify';
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

const app = Fastify();
// The plugin serves the API and its WebSocket (on Fastify's own HTTP server).
await app.register(flowloomFastify, { server: workflows });
if (settings.servePage) await app.register(fastifyStatic, { root: settings.pageDir });

await app.listen({ port: settings.port, host: settings.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : settings.port;
console.log(`Flowloom API on http://${settings.host}:${port}${workflows.basePath}`);
if (settings.servePage) console.log(`Open http://${settings.host}:${port}`);

closeOnSignal(async () => {
  await workflows.close({ graceMs: 5_000 });
  await app.close();
});
