import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { mountWorkflowApi } from '../../adapters/hono';
import { createWorkflowServer, type WorkflowServer } from '../../createWorkflowServer';
import { SqliteStore } from '../../stores/SqliteStore';
import type { Hints } from './schemaArbitrary.test-helpers';

/** A server under a conformance run, with the records its requests can reach. */
export interface ConformanceServer {
  server: WorkflowServer;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The served OpenAPI document. */
  // biome-ignore lint/suspicious/noExplicitAny: a JSON document, read keyword by keyword.
  document: any;
  /** Ids of real records, by parameter name. */
  hints: Hints;
  /** Errors the server reported (every 500 is one). */
  reported: unknown[];
  close(): Promise<void>;
}

/**
 * The API as a host runs it: SQLite, credentials configured, on Hono's Node server on
 * 127.0.0.1; with a saved workflow, a run of it that has finished, and a credential to reach.
 */
export async function startConformanceServer(): Promise<ConformanceServer> {
  const reported: unknown[] = [];
  const server = createWorkflowServer({
    store: new SqliteStore(':memory:'),
    credentialsKey: Buffer.alloc(32, 9).toString('base64'),
    // Every operation is in the document and reached: GET /metrics too.
    metrics: true,
    logger: { info() {}, warn() {}, error: (_message, error) => reported.push(error) },
  });
  const app = new Hono();
  mountWorkflowApi(app, server);
  const httpServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (httpServer.listening) resolve();
    httpServer.once('listening', resolve).once('error', reject);
  });
  const baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const api = `${baseUrl}${server.basePath}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const saved = await post('/editor/save', {
    name: 'Conformance',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'greet', type: 'log', data: { parameters: { message: 'hi' } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'greet' }],
    },
  });
  const instance = await post('/instances', { name: 'Run', workflow_id: saved.workflow_id });
  const started = await server.engine.startWorkflow(instance.instance_id!);
  await started.done;
  const credential = await post('/credentials', {
    name: 'Key',
    type: 'bearer',
    data: { token: 'secret' },
  });
  const document = await (await fetch(`${api}/openapi.json`)).json();
  return {
    server,
    baseUrl,
    document,
    reported,
    hints: {
      workflow_id: [saved.workflow_id!],
      instance_id: [instance.instance_id!],
      credential_id: [credential.credential_id!],
      component_type: ['log', 'manual_trigger', 'delay'],
      step_id: ['start', 'greet'],
      until: ['greet'],
    },
    close: async () => {
      await server.close({ graceMs: 0 });
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
