import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { WorkflowServer } from '../createWorkflowServer';
import type { HubSession, UpgradeDecision } from '../ws/WebSocketHub';
import { requestUrl } from './requestUrl';
import { type RequestEmitter, serveAsPlainRequest } from './serveAsPlainRequest';
import { STATUS_TEXT } from './statusText';
import { toWebHeaders } from './toWebRequest';

/** Options of {@link attachWebSocketServer}. */
export interface AttachWebSocketOptions {
  /**
   * Largest message a client may send, in bytes.
   * @default 65536
   */
  maxPayload?: number;
  /**
   * How long `close()` waits for clients to answer the closing handshake before dropping them.
   * @default 1000
   */
  closeTimeoutMs?: number;
  /**
   * The client's address, for what a server without `authenticate` counts per client IP (the
   * rate limits, the open sockets of `limits.maxWebSocketsPerUser`). Behind a reverse proxy every
   * socket comes from the proxy: read the address the proxy passes on, from a header only it can
   * set (a client can send any header).
   * @default the connection's remote address
   */
  clientIp?: (request: IncomingMessage) => string | undefined;
}

/** Receives a Node server's upgrade requests. */
export type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * What the WebSocket needs of a Node server: its `upgrade` event, and its `request` event for
 * upgrades nobody takes. An `http.Server`, and the `ServerType` that @hono/node-server's
 * `serve()` returns, both fit.
 */
export interface UpgradeSource extends RequestEmitter {
  on(event: 'upgrade', listener: UpgradeListener): unknown;
  off(event: 'upgrade', listener: UpgradeListener): unknown;
  listenerCount(event: 'upgrade'): number;
}

/** A WebSocket endpoint attached to a Node HTTP server. */
export interface AttachedWebSocket {
  /** Stops handling upgrades, closes the sockets (1001) and resolves once they are gone. */
  close(): Promise<void>;
}

/**
 * Serves the workflow WebSocket on a Node `http.Server` (Express, Fastify and Hono on Node all
 * sit on one): upgrades to `{basePath}/ws/{instance_id}` are checked by the hub, then handed to
 * the `ws` package; refused upgrades get a plain HTTP answer. Other upgrades are left to the
 * server's other `upgrade` listeners or, when it has none, to its request handlers.
 */
export function attachWebSocketServer(
  httpServer: UpgradeSource,
  workflowServer: WorkflowServer,
  options: AttachWebSocketOptions = {},
): AttachedWebSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 65_536 });
  const { hub } = workflowServer;

  const serve = (ws: WebSocket, session: HubSession): void => {
    const connection = hub.attach(ws, session);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) connection.onMessage(data.toString());
    });
    ws.on('pong', connection.onPong);
    ws.on('close', connection.onClose);
    ws.on('error', () => ws.terminate());
  };

  const onUpgrade: UpgradeListener = (request, socket, head) => {
    const url = requestUrl(request);
    if (!hub.handles(url.pathname) || request.headers.upgrade?.toLowerCase() !== 'websocket') {
      // Another upgrade listener may want it; when there is none, the framework answers it.
      if (httpServer.listenerCount('upgrade') === 1)
        serveAsPlainRequest(httpServer, request, socket);
      return;
    }
    socket.on('error', () => socket.destroy());
    // Nothing may throw out of an `upgrade` listener: it would take the process down.
    Promise.resolve()
      .then(() => {
        const webRequest = new Request(url, { headers: toWebHeaders(request.headers) });
        const clientIp = options.clientIp
          ? options.clientIp(request)
          : request.socket.remoteAddress;
        return hub.authorizeUpgrade(webRequest, clientIp);
      })
      .then((decision) => {
        if (!decision.ok) refuse(socket, decision);
        else wss.handleUpgrade(request, socket, head, (ws) => serve(ws, decision.session));
      })
      .catch(() => socket.destroy());
  };

  httpServer.on('upgrade', onUpgrade);
  let closing: Promise<void> | undefined;
  return {
    close: () => {
      closing ??= new Promise((resolve) => {
        httpServer.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.close(1001, 'Server shutting down');
        const drop = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, options.closeTimeoutMs ?? 1_000);
        drop.unref();
        // Resolves once every client is gone; upgrades still in flight are answered 503 by `ws`.
        wss.close(() => {
          clearTimeout(drop);
          resolve();
        });
      });
      return closing;
    },
  };
}

function refuse(socket: Duplex, decision: Extract<UpgradeDecision, { ok: false }>): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, body, headers = {} } = decision;
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
