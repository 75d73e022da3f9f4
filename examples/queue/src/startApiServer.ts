import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createQueueRunner } from '@flowloom/queue';
import { createWorkflowServer, type WorkflowServer } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createRegistry, openStore, queueName, redisUrl } from './settings';

/** A listening API server. */
export interface RunningApiServer {
  url: string;
  workflows: WorkflowServer;
  close(): Promise<void>;
}

/**
 * The API process: accepts requests and serves WebSockets; every run becomes a BullMQ job a
 * worker executes (`createQueueRunner`). Several of these may run behind a load balancer.
 */
export async function startApiServer(
  options: { port?: number; hostname?: string; schema?: string; queueName?: string } = {},
): Promise<RunningApiServer> {
  const hostname = options.hostname ?? 'localhost';
  const store = openStore(options.schema);
  const registry = createRegistry();
  const runner = createQueueRunner({
    connection: redisUrl,
    store,
    queueName: options.queueName ?? queueName,
    registry,
  });
  // Subscribed before the first WebSocket: no live event can pass unseen.
  await runner.ready;
  // Runs execute on the workers: no sandbox or network guard needed in this process.
  const workflows = createWorkflowServer({ store, registry, runner, sandbox: false });

  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  mountWorkflowApi(app, workflows);
  const http = serve({ fetch: app.fetch, port: options.port ?? 8003, hostname }) as Server;
  const webSocket = attachWorkflowWebSocket(http, workflows);
  await new Promise<void>((resolve, reject) => {
    if (http.listening) return resolve();
    http.once('listening', () => resolve());
    http.once('error', reject);
  });
  const { port } = http.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostname}:${port}`,
    workflows,
    close: () => {
      closing ??= (async () => {
        await webSocket.close();
        http.closeIdleConnections();
        await new Promise((resolve) => http.close(resolve));
        await workflows.close();
        // The server did not make the runner or open the store: they are closed here, after it.
        await runner.close();
        await store.close();
      })();
      return closing;
    },
  };
}
