import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describeAdapterConformance } from './conformance.test-helpers';
import { attachWorkflowWebSocket, mountWorkflowApi } from './hono';
import { baseUrlOf, closeHttpServer, listening } from './nodeHttpServer.test-helpers';

describeAdapterConformance('Hono', async (server) => {
  const app = new Hono();
  mountWorkflowApi(app, server);
  app.get('/health', (c) => c.text('ok'));
  app.post('/echo', async (c) => c.json(await c.req.json()));
  const served = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  // `serve()` is typed as any Node server (HTTP/1 or HTTP/2); the WebSocket takes it as it is.
  const webSocket = attachWorkflowWebSocket(served, server);
  const httpServer = served as Server;
  await listening(httpServer);
  return {
    baseUrl: baseUrlOf(httpServer),
    close: async () => {
      await webSocket.close();
      await closeHttpServer(httpServer);
    },
  };
});
