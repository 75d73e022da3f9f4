import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExecutionEvent } from '@flowloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startServer } from './startServer';

const WORKFLOW = {
  name: 'Smoke test',
  workflow_data: {
    nodes: [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
      {
        id: 'say',
        type: 'log',
        position: { x: 250, y: 0 },
        data: { parameters: { message: 'Order {{ input.order }} received' } },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'say' }],
  },
};

let server: RunningServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', databasePath: ':memory:' });
  baseUrl = server.url;
});

afterAll(async () => {
  await server?.close();
});

describe('the Hono example', () => {
  it("answers the host's own /health route", async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lists the built-in components under /api/workflow/components', async () => {
    const response = await fetch(`${baseUrl}/api/workflow/components`);
    expect(response.status).toBe(200);
    const { components } = (await response.json()) as { components: { type: string }[] };
    expect(components.map((component) => component.type)).toEqual(
      expect.arrayContaining(['manual_trigger', 'log', 'http_request', 'condition']),
    );
  });

  it('runs manual_trigger → log, streams its events over the WebSocket and reports completed', async () => {
    const created = await postJson(`${baseUrl}/api/workflow/instances`, WORKFLOW);
    expect(created.status).toBe(201);
    const { instance_id: id } = (await created.json()) as { instance_id: string };

    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/workflow/ws/${id}`);
    const ended = eventsUntilCompleted(socket);
    await opened(socket);
    const executed = await postJson(`${baseUrl}/api/workflow/instances/${id}/execute`, {
      input_data: { order: 7 },
    });
    expect(executed.status).toBe(202);

    const events = await ended;
    socket.close();
    expect(events.map((event) => event.seq)).toEqual(events.map((_, at) => at + 1));
    expect(events[0]?.event_type).toBe('execution_started');
    expect(events.at(-1)?.event_type).toBe('execution_completed');
    expect(events.filter((e) => e.event_type === 'step_completed').map((e) => e.step_id)).toEqual([
      'start',
      'say',
    ]);

    const status = await fetch(`${baseUrl}/api/workflow/instances/${id}/status`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: 'completed', progress: { completed: 2 } });
    const logs = await fetch(`${baseUrl}/api/workflow/instances/${id}/logs`);
    const { logs: lines } = (await logs.json()) as { logs: { message: string }[] };
    expect(lines.map((line) => line.message)).toEqual(['Order 7 received']);
  });

  it('closes the open WebSockets (1001), the HTTP server and the database on close()', async () => {
    const databasePath = join(await mkdtemp(join(tmpdir(), 'flowloom-hono-')), 'flowloom.db');
    const own = await startServer({ port: 0, hostname: '127.0.0.1', databasePath });
    const { url } = own;
    const created = await postJson(`${url}/api/workflow/instances`, WORKFLOW);
    const { instance_id: id } = (await created.json()) as { instance_id: string };
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/workflow/ws/${id}`);
    await opened(socket);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));

    expect(existsSync(`${databasePath}-wal`)).toBe(true);
    await within(own.close(), 'close()');
    expect(await within(closed, 'the WebSocket to close')).toBe(1001);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    // SQLite removes the WAL file when the last connection to the database closes.
    expect(existsSync(databasePath)).toBe(true);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    await rm(dirname(databasePath), { recursive: true, force: true });
  });
});

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function opened(socket: WebSocket): Promise<void> {
  return within(
    new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    'the WebSocket to open',
  );
}

/** Every event the socket receives, once `execution_completed` arrived. */
function eventsUntilCompleted(socket: WebSocket): Promise<ExecutionEvent[]> {
  const events: ExecutionEvent[] = [];
  return within(
    new Promise((resolve, reject) => {
      socket.on('message', (data) => {
        const event = JSON.parse(String(data)) as ExecutionEvent;
        events.push(event);
        if (event.event_type === 'execution_completed') resolve(events);
        if (event.event_type === 'execution_failed') reject(new Error(JSON.stringify(event)));
      });
      socket.once('error', reject);
    }),
    'execution_completed over the WebSocket',
  );
}

/** `promise`, or a rejection naming what did not happen within 5 s. */
function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
