import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFinalInstanceStatus, type WorkflowStore } from '@flowloom/core';
import express from 'express';
import { Pool } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createExpressMiddleware } from '../adapters/express';
import { baseUrlOf, closeHttpServer, listening } from '../adapters/nodeHttpServer.test-helpers';
import { createWorkflowServer, type WorkflowServer } from '../createWorkflowServer';
import { TEST_CREDENTIALS_KEY } from '../http/credentialTestKit.test-helpers';
import { createSpyLogger } from '../http/testServer.test-helpers';
import { attachWebSocketServer } from '../node/attachWebSocketServer';
import { PostgresStore } from '../stores/PostgresStore';
import { SqliteStore } from '../stores/SqliteStore';

const TOKEN = 'tok-4f9c2e7d1b-very-secret';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that echoes the request's Authorization header back: a leak waiting to happen. */
async function startEchoServer(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.headers.authorization ?? '');
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ you_sent: request.headers.authorization ?? null }));
  });
  server.listen(0, '127.0.0.1');
  await listening(server);
  cleanups.push(() => closeHttpServer(server));
  return { url: baseUrlOf(server), seen };
}

/** The workflow API on a real HTTP server with its WebSocket, and every answer's text. */
async function startApi(store: WorkflowStore, echoUrl: string) {
  const workflows: WorkflowServer = createWorkflowServer({
    store,
    credentialsKey: TEST_CREDENTIALS_KEY,
    network: { allowHosts: [new URL(echoUrl).host] },
    authenticate: (request) =>
      request.headers.get('authorization') === 'Bearer ada' ? { id: 'ada' } : null,
    logger: createSpyLogger(),
  });
  const app = express();
  app.use(createExpressMiddleware(workflows));
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await listening(server);
  const http = { server, url: baseUrlOf(server) };
  const webSocket = attachWebSocketServer(server, workflows);
  cleanups.push(async () => {
    await webSocket.close();
    await workflows.close();
    await closeHttpServer(server);
  });
  const answers: string[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${http.url}${workflows.basePath}${path}`, {
      method,
      headers: { authorization: 'Bearer ada', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    answers.push(text);
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { workflows, url: http.url, call, answers };
}

/** Runs trigger → HTTP Request (bearer credential) → Log against the echo server. */
async function runEchoWorkflow(store: WorkflowStore) {
  const echo = await startEchoServer();
  const api = await startApi(store, echo.url);
  const credential = await api.call('POST', '/credentials', {
    name: 'Echo API',
    type: 'bearer',
    data: { token: TOKEN },
  });
  expect(credential.status).toBe(201);
  const workflow_data = {
    nodes: [
      { id: 'start', type: 'manual_trigger', data: { parameters: {} } },
      {
        id: 'call',
        type: 'http_request',
        data: {
          parameters: {
            url: `${echo.url}/whoami`,
            auth: 'bearer',
            credential: { credential_id: credential.body.credential_id },
          },
        },
      },
      { id: 'say', type: 'log', data: { parameters: { message: 'got {{ steps.call.body }}' } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'call' },
      { id: 'e2', source: 'call', target: 'say', sourceHandle: 'success' },
    ],
  };
  const saved = await api.call('POST', '/editor/save', { name: 'Echo', workflow_data });
  expect(saved.body.validation.valid).toBe(true);
  const created = await api.call('POST', '/instances', {
    name: 'Echo run',
    workflow_id: saved.body.workflow_id,
  });
  const instanceId = created.body.instance_id as string;
  const messages: string[] = [];
  const socket = new WebSocket(
    `${api.url.replace('http', 'ws')}${api.workflows.basePath}/ws/${instanceId}?token=ada`,
  );
  socket.on('message', (data) => messages.push(String(data)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  cleanups.push(() => socket.close());
  expect(
    (await api.call('POST', `/instances/${instanceId}/execute`, { input_data: {} })).status,
  ).toBe(202);
  let status = await api.call('GET', `/instances/${instanceId}/status`);
  for (let tries = 0; !isFinalInstanceStatus(status.body.status) && tries < 200; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await api.call('GET', `/instances/${instanceId}/status`);
  }
  await waitFor(() => messages.some((message) => message.includes('execution_completed')));
  for (const path of [
    `/instances/${instanceId}`,
    `/instances/${instanceId}/logs`,
    '/instances',
    `/editor/load/${saved.body.workflow_id}`,
    '/credentials',
    `/credentials/${credential.body.credential_id}`,
  ]) {
    await api.call('GET', path);
  }
  return { status: status.body, echo, messages, answers: api.answers, workflows: api.workflows };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 250) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function expectNoSecret(texts: readonly string[]): void {
  for (const text of texts) expect(text).not.toContain(TOKEN);
}

describe('a credential sent by an HTTP Request step and echoed back', () => {
  it('reaches the server, and afterwards appears in no answer, WebSocket message or SQLite byte', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flowloom-echo-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const store = new SqliteStore(join(folder, 'flowloom.db'));
    const run = await runEchoWorkflow(store);
    expect(run.status.status).toBe('completed');
    // The secret did its job: the echo server got it.
    expect(run.echo.seen).toEqual([`Bearer ${TOKEN}`]);
    // What the step received back is recorded redacted, and so is what the next step logged.
    expect(run.status.steps.call.output_data.body).toEqual({ you_sent: 'Bearer [redacted]' });
    expectNoSecret(run.answers);
    expectNoSecret(run.messages);
    expect(run.messages.length).toBeGreaterThan(4);
    await run.workflows.close();
    await store.close();
    // Every byte SQLite wrote, WAL and journal files included.
    for (const name of readdirSync(folder)) {
      expect(readFileSync(join(folder, name)).includes(TOKEN), name).toBe(false);
    }
  });

  const databaseUrl = process.env.DATABASE_URL;
  it.skipIf(!databaseUrl)(
    'appears in no PostgreSQL table either (skipped without DATABASE_URL)',
    async () => {
      const schema = `flowloom_echo_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const pool = new Pool({ connectionString: databaseUrl });
      cleanups.push(async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      });
      const store = new PostgresStore({ pool, schema });
      const run = await runEchoWorkflow(store);
      expect(run.status.status).toBe('completed');
      expect(run.echo.seen).toEqual([`Bearer ${TOKEN}`]);
      expectNoSecret(run.answers);
      expectNoSecret(run.messages);
      const tables = await pool.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      expect(tables.rows.length).toBeGreaterThan(3);
      for (const { table_name } of tables.rows) {
        const rows = await pool.query(`SELECT * FROM "${schema}"."${table_name}"`);
        expect(JSON.stringify(rows.rows), table_name).not.toContain(TOKEN);
      }
    },
  );
});
