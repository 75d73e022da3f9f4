import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MemoryStore, type WorkflowDataInput } from '@flowloom/core';
import {
  createWorkflowServer,
  type WorkflowServer,
  type WorkflowServerOptions,
} from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, expect } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { WorkflowClient, WorkflowClientOptions } from './clientTypes';
import { createWorkflowClient } from './createWorkflowClient';

/** The API on Hono + @hono/node-server + the `ws` attachment, listening on 127.0.0.1. */
export interface TestServer {
  workflows: WorkflowServer;
  /** `http://127.0.0.1:<port>/api/workflow`. */
  api: string;
  /** A client on `api` with the `ws` WebSocket and a 20 ms first reconnect delay. */
  client(options?: WorkflowClientOptions): WorkflowClient;
  /** Destroys the server side of every upgraded socket: a dropped connection, as the client sees it. */
  dropSockets(): void;
  /** The URL of every WebSocket upgrade the server received. */
  upgradeUrls: string[];
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Starts the real server for one test (closed after it). Errors it reports as 500s fail the
 * test unless `expectedErrors` says how many to expect.
 */
export async function startTestServer(
  options: WorkflowServerOptions = {},
  expectedErrors = 0,
): Promise<TestServer> {
  const reported: unknown[] = [];
  const workflows = createWorkflowServer({
    store: new MemoryStore(),
    logger: { info() {}, warn() {}, error: (_message, error) => reported.push(error) },
    ...options,
  });
  const app = new Hono();
  mountWorkflowApi(app, workflows);
  const httpServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  const upgraded = new Set<Duplex>();
  const upgradeUrls: string[] = [];
  httpServer.on('upgrade', (request, socket: Duplex) => {
    upgraded.add(socket);
    upgradeUrls.push(request.url ?? '');
  });
  const webSocket = attachWorkflowWebSocket(httpServer, workflows);
  await listening(httpServer);
  cleanups.push(async () => {
    await webSocket.close();
    await closeHttpServer(httpServer);
    await workflows.close();
    expect(reported, 'errors the server reported').toHaveLength(expectedErrors);
  });
  const api = `${originOf(httpServer)}/api/workflow`;
  return {
    workflows,
    api,
    client: (clientOptions = {}) =>
      createWorkflowClient({
        baseUrl: api,
        // Node 20 has no global WebSocket.
        WebSocket: NodeWebSocket,
        reconnectDelayMs: 20,
        ...clientOptions,
      }),
    dropSockets: () => {
      for (const socket of upgraded) socket.destroy();
      upgraded.clear();
    },
    upgradeUrls,
  };
}

/** An origin nothing listens on: a server started and closed again. */
export async function closedOrigin(): Promise<string> {
  const httpServer = serve({
    fetch: () => new Response(),
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await listening(httpServer);
  const origin = originOf(httpServer);
  await closeHttpServer(httpServer);
  return origin;
}

/** manual_trigger → log "first line" → delay → log "second line" (→ delay → log "third line"). */
export function logWorkflow(delaysMs: number[] = [20]): WorkflowDataInput {
  const names = ['first', 'second', 'third'];
  const nodes: WorkflowDataInput['nodes'] = [
    { id: 'start', type: 'manual_trigger' },
    { id: 'first', type: 'log', data: { parameters: { message: 'first line' } } },
  ];
  delaysMs.forEach((ms, index) => {
    nodes.push({ id: `wait${index + 1}`, type: 'delay', data: { parameters: { ms } } });
    const name = names[index + 1] ?? `line${index + 2}`;
    nodes.push({ id: name, type: 'log', data: { parameters: { message: `${name} line` } } });
  });
  const edges = nodes.slice(1).map((node, index) => ({
    id: `e${index + 1}`,
    source: nodes[index]!.id,
    target: node.id,
  }));
  return { nodes, edges };
}

function originOf(httpServer: Server): string {
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

function listening(httpServer: Server): Promise<void> {
  if (httpServer.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    httpServer.once('listening', resolve);
    httpServer.once('error', reject);
  });
}

function closeHttpServer(httpServer: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.close((error) => (error ? reject(error) : resolve()));
    httpServer.closeAllConnections();
  });
}
