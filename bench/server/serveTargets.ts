/**
 * The server side of the server bench, in its own process so the load generator and the
 * WebSocket clients (in the bench process) don't share its CPU: a bare Hono hello-world server
 * and the workflow API (Hono + @hono/node-server, SQLite on a temp file, WebSocket attached),
 * both on 127.0.0.1 with ports chosen by the system. Driven by the commands of targetProtocol.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  type EventMark,
  type TargetCommand,
  type TargetReply,
  wallClockMs,
} from './targetProtocol';
import { threeStepWebhookWorkflow } from './threeStepWorkflow';

const reply = (message: TargetReply) => process.send?.(message);

function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>) {
  return new Promise<{ server: Server; port: number }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server: server as Server, port: info.port }),
    );
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const folder = mkdtempSync(join(tmpdir(), 'flowloom-server-bench-'));
const store = new SqliteStore(join(folder, 'bench.db'));
const workflows = createWorkflowServer({
  store,
  // The bench measures the route, not its default limits of 600 calls a minute per workflow and
  // per client IP (every autocannon connection comes from 127.0.0.1).
  rateLimit: { webhook: '100000000/minute', webhookPerIp: '100000000/minute' },
  // The fan-out's 1,000 WebSocket clients all come from 127.0.0.1, one caller on an open server.
  limits: { maxWebSocketsPerUser: 2_000 },
  // The open-server notice is expected here; real errors still go to stderr.
  logger: { info() {}, warn() {}, error: (message, error) => console.error(message, error) },
});
const api = await listen(mountWorkflowApi(new Hono(), workflows).fetch);

// The control: a bare Hono app answering a hello-world, and the very bytes `GET /components`
// sends, so transport and body size can be told apart from the API's own work.
const listing = await (
  await workflows.fetch(new Request('http://127.0.0.1/api/workflow/components'))
).text();
const bareApp = new Hono();
bareApp.get('/', (c) => c.text('Hello, world!'));
bareApp.get('/same-body', (c) => c.body(listing, 200, { 'content-type': 'application/json' }));
const bare = await listen(bareApp.fetch);
const webSocket = attachWorkflowWebSocket(api.server, workflows);

// The webhook target: the 3-step workflow saved and activated through the API.
const saved = await workflows.fetch(
  new Request('http://127.0.0.1/api/workflow/editor/save', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench webhook', workflow_data: threeStepWebhookWorkflow }),
  }),
);
const { workflow_id: webhookWorkflowId } = (await saved.json()) as { workflow_id: string };
await workflows.fetch(
  new Request(`http://127.0.0.1/api/workflow/workflows/${webhookWorkflowId}/activate`, {
    method: 'POST',
  }),
);

// Without the bench process (it ended or crashed) there is nobody to serve: leave no temp files.
process.once('disconnect', () => {
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
});

const marks = new Map<number, EventMark>();
const unwatch: Array<() => void> = [];
let watched = '';

async function waitIdle(): Promise<void> {
  while ((await store.listInstances({ status: 'running', limit: 1 })).total > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

process.on('message', async (command: TargetCommand) => {
  switch (command.type) {
    case 'watch':
      // Subscribed before any WebSocket client, so this listener runs first on each publish:
      // the mark is the moment the engine hands the event out, before any socket is written.
      watched = command.instanceId;
      unwatch.push(
        workflows.engine.subscribe(watched, (event) => {
          marks.set(event.seq, { seq: event.seq, publishedAt: wallClockMs() });
        }),
      );
      reply({ type: 'watching' });
      break;
    case 'watchHandedOut':
      // Listeners run in subscription order: this one runs after every client's send returned.
      unwatch.push(
        workflows.engine.subscribe(watched, (event) => {
          const mark = marks.get(event.seq);
          if (mark) mark.handedOutAt = wallClockMs();
        }),
      );
      reply({ type: 'watching' });
      break;
    case 'takeMarks':
      reply({ type: 'marks', marks: [...marks.values()] });
      marks.clear();
      break;
    case 'waitIdle': {
      await waitIdle();
      const count = async (status: 'completed' | 'failed') =>
        (await store.listInstances({ status, limit: 1 })).total;
      reply({ type: 'idle', completed: await count('completed'), failed: await count('failed') });
      break;
    }
    case 'stop':
      for (const stop of unwatch) stop();
      await webSocket.close();
      await Promise.all([close(bare.server), close(api.server)]);
      await workflows.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
      reply({ type: 'stopped' });
      process.disconnect?.();
      break;
  }
});

reply({
  type: 'ready',
  barePort: bare.port,
  apiPort: api.port,
  listingBytes: Buffer.byteLength(listing),
  webhookPath: `/api/workflow/webhooks/${webhookWorkflowId}/bench`,
});
