import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect as connectTcp, type Socket } from 'node:net';
import { MemoryStore, type WorkflowLimitsInput } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createWorkflowServer } from '../createWorkflowServer';
import { type AttachWebSocketOptions, attachWebSocketServer } from './attachWebSocketServer';

const WAIT_MS = 3_000;
const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${WAIT_MS} ms: ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A bare Node server answering `plain` to every request, with the workflow WebSocket attached. */
async function start({
  closeTimeoutMs,
  limits,
  clientIp,
}: {
  closeTimeoutMs?: number;
  limits?: WorkflowLimitsInput;
  clientIp?: AttachWebSocketOptions['clientIp'];
} = {}) {
  const workflows = createWorkflowServer({
    store: new MemoryStore(),
    logger: { info() {}, warn() {}, error: console.error },
    limits,
  });
  cleanups.push(() => workflows.close());
  const httpServer: Server = createServer((_request, response) => response.end('plain'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
  );
  const attached = attachWebSocketServer(httpServer, workflows, { closeTimeoutMs, clientIp });
  cleanups.push(() => attached.close());
  const instance = await workflows.engine.createInstance({
    name: 'Attach',
    workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
    created_by: 'anonymous',
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    httpServer,
    attached,
    port,
    hubUrl: `ws://127.0.0.1:${port}${workflows.basePath}/ws/${instance.instance_id}`,
    hub: workflows.hub,
  };
}

function open(url: string, headers?: Record<string, string>): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  socket.on('error', () => {});
  cleanups.push(() => socket.terminate());
  return within(
    new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk;
        });
        response.on('end', () =>
          reject(
            Object.assign(new Error(`refused with ${response.statusCode}: ${body}`), { body }),
          ),
        );
      });
      socket.once('error', reject);
    }),
    `${url} to open`,
  );
}

/** Resolves with the close code once the server closes `socket`. */
function closeCodeOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', resolve));
}

/** Completes a WebSocket handshake by hand, then ignores every frame (a client that hung). */
function openUnresponsive(port: number, path: string): Promise<Socket> {
  return within(
    new Promise((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1', () => {
        socket.write(
          [
            `GET ${path} HTTP/1.1`,
            `Host: 127.0.0.1:${port}`,
            'Connection: Upgrade',
            'Upgrade: websocket',
            'Sec-WebSocket-Version: 13',
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
            '',
            '',
          ].join('\r\n'),
        );
      });
      cleanups.push(() => socket.destroy());
      socket.once('data', (chunk) => {
        if (String(chunk).startsWith('HTTP/1.1 101')) resolve(socket);
        else reject(new Error(`no upgrade: ${chunk}`));
      });
      socket.on('error', reject);
    }),
    'a hand-made WebSocket handshake',
  );
}

describe('attachWebSocketServer', () => {
  it('leaves other paths to another upgrade listener on the same server', async () => {
    const { httpServer, hubUrl, port } = await start();
    const other = new WebSocketServer({ noServer: true });
    cleanups.push(() => new Promise((resolve) => other.close(resolve)));
    httpServer.on('upgrade', (request, socket, head) => {
      if (request.url !== '/chat') return;
      other.handleUpgrade(request, socket, head, (ws) => ws.send('hello from the host'));
    });
    const chat = new WebSocket(`ws://127.0.0.1:${port}/chat`);
    cleanups.push(() => chat.terminate());
    const greeting = await within(
      new Promise<string>((resolve, reject) => {
        chat.once('message', (data) => resolve(String(data)));
        chat.once('error', reject);
      }),
      'the host socket to greet',
    );
    expect(greeting).toBe('hello from the host');
    await open(hubUrl);
  });

  it('closes its sockets with 1001 on close() and stops taking upgrades', async () => {
    const { attached, hubUrl, hub } = await start();
    const socket = await open(hubUrl);
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await within(attached.close(), 'close() to resolve');
    expect(await within(closed, 'the client to see the close')).toBe(1001);
    expect(hub.connectionCount).toBe(0);
    await expect(open(hubUrl)).rejects.toThrow();
  });

  it('drops a client that ignores the closing handshake after closeTimeoutMs', async () => {
    const { attached, port, hubUrl, hub } = await start({ closeTimeoutMs: 100 });
    const raw = await openUnresponsive(port, new URL(hubUrl).pathname);
    const ended = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    const started = Date.now();
    await within(attached.close(), 'close() to resolve despite the hung client');
    await within(ended, 'the hung client to be dropped');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(hub.connectionCount).toBe(0);
  });

  it('refuses a socket past limits.maxWebSocketsPerUser with 429 TOO_MANY_CONNECTIONS, until one closes', async () => {
    const { hubUrl, hub } = await start({ limits: { maxWebSocketsPerUser: 2 } });
    const first = await open(hubUrl);
    await open(hubUrl);
    await expect(open(hubUrl)).rejects.toThrow(/refused with 429: .*"code":"TOO_MANY_CONNECTIONS"/);

    const closed = closeCodeOf(first);
    first.close(1000);
    await within(closed, 'the first socket to close');
    await within(
      (async () => {
        while (hub.connectionCount > 1) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      'the hub to count the close',
    );
    await open(hubUrl);
    expect(hub.connectionCount).toBe(2);
  });

  it('keeps a burst of upgrades within the limit: each is refused 429 or closed 1008 past it', async () => {
    const { hubUrl, hub } = await start({ limits: { maxWebSocketsPerUser: 3 } });
    const refusals: string[] = [];
    const opened = await Promise.all(
      Array.from({ length: 12 }, async () => {
        try {
          const socket = await open(hubUrl);
          return { socket, closed: closeCodeOf(socket) };
        } catch (error) {
          refusals.push(String(error).match(/refused with (\d+)/)?.[1] ?? String(error));
          return undefined;
        }
      }),
    );
    const accepted = opened.filter((entry) => entry !== undefined);
    const stillOpen = () => accepted.filter(({ socket }) => socket.readyState === WebSocket.OPEN);
    // Those past the limit are closed at once; wait until only the limit's worth stay open.
    await within(
      (async () => {
        while (stillOpen().length > 3) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      'the sockets past the limit to be closed',
    );
    expect(stillOpen()).toHaveLength(3);
    expect(refusals.every((status) => status === '429')).toBe(true);
    const closed = await Promise.all(
      accepted.filter((entry) => !stillOpen().includes(entry)).map(({ closed }) => closed),
    );
    expect(closed.every((code) => code === 1008)).toBe(true);
    expect(refusals.length + closed.length).toBe(9);
    expect(hub.connectionCount).toBe(3);
  });

  it('counts by the address clientIp gives, behind a proxy', async () => {
    const { hubUrl, hub } = await start({
      limits: { maxWebSocketsPerUser: 1 },
      clientIp: (request) => String(request.headers['x-forwarded-for'] ?? ''),
    });
    await open(hubUrl, { 'x-forwarded-for': '203.0.113.7' });
    await open(hubUrl, { 'x-forwarded-for': '203.0.113.8' });
    await expect(open(hubUrl, { 'x-forwarded-for': '203.0.113.7' })).rejects.toThrow(
      /refused with 429: .*TOO_MANY_CONNECTIONS/,
    );
    expect(hub.connectionCount).toBe(2);
  });
});
