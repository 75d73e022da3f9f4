import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkflowServer, type WorkflowServer } from '../createWorkflowServer';
import { describeAdapterConformance } from './conformance.test-helpers';
import { attachWorkflowWebSocket, createExpressMiddleware } from './express';
import { baseUrlOf, closeHttpServer, listening } from './nodeHttpServer.test-helpers';

async function listen(app: express.Express, server: WorkflowServer) {
  const httpServer: Server = app.listen(0, '127.0.0.1');
  await listening(httpServer);
  const webSocket = attachWorkflowWebSocket(httpServer, server);
  return {
    baseUrl: baseUrlOf(httpServer),
    close: async () => {
      await webSocket.close();
      await closeHttpServer(httpServer);
    },
  };
}

describeAdapterConformance('Express', async (server) => {
  const app = express();
  app.use(createExpressMiddleware(server));
  app.get('/health', (_request, response) => {
    response.type('text/plain').send('ok');
  });
  app.post('/echo', express.json(), (request, response) => {
    response.json(request.body);
  });
  return listen(app, server);
});

describe('Express adapter after express.json()', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function start() {
    const server = createWorkflowServer({
      logger: { info() {}, warn() {}, error: console.error },
    });
    stops.push(() => server.close());
    const app = express();
    app.use(express.json());
    // A host middleware that rewrites the parsed body shows the API reads req.body, not the stream.
    app.use((request, _response, next) => {
      if (request.body && typeof request.body.name === 'string') {
        request.body.name = `${request.body.name} (seen by the host)`;
      }
      next();
    });
    app.use(createExpressMiddleware(server));
    const running = await listen(app, server);
    stops.push(running.close);
    return `${running.baseUrl}${server.basePath}`;
  }

  it('creates an instance from the body express.json() parsed', async () => {
    const api = await start();
    const response = await fetch(`${api}/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Parsed',
        workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
      }),
      signal: AbortSignal.timeout(3_000),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe('Parsed (seen by the host)');
  });

  it('creates an instance from a chunked body express.json() parsed', async () => {
    const api = await start();
    const text = JSON.stringify({
      name: 'Chunked',
      workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
    });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const response = await fetch(`${api}/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
      signal: AbortSignal.timeout(3_000),
    } as RequestInit);
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe('Chunked (seen by the host)');
  });

  it('still validates the parsed body: wrong types answer 400 in the API format', async () => {
    const api = await start();
    const response = await fetch(`${api}/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42 }),
      signal: AbortSignal.timeout(3_000),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('executes with a body-less POST the parser left alone', async () => {
    const api = await start();
    const created = await fetch(`${api}/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Run',
        workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
      }),
      signal: AbortSignal.timeout(3_000),
    });
    const { instance_id } = await created.json();
    const executed = await fetch(`${api}/instances/${instance_id}/execute`, {
      method: 'POST',
      signal: AbortSignal.timeout(3_000),
    });
    expect(executed.status).toBe(202);
  });
});
