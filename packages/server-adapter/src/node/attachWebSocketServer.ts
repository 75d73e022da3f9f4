import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WorkflowServer } from '../createWorkflowServer';
import { STATUS_TEXT } from './statusText';
import { toWebHeaders } from './toWebRequest';

/** Options of {@link attachWebSocketServer}. */
export interface AttachWebSocketOptions {
  /**
   * Largest message a client may send, in bytes.
   * @default 65536
   */
  maxPayload?: number;
}

/** A WebSocket endpoint attached to a Node HTTP server. */
export interface AttachedWebSocket {
  /** Stops handling upgrades and closes the sockets. */
  close(): Promise<void>;
}

/**
 * Serves the workflow WebSocket on a Node `http.Server` (Express, Fastify and Hono on Node all
 * sit on one): upgrades to `{basePath}/ws/{instance_id}` are checked by the hub, then handed to
 * the `ws` package; refused upgrades get a plain HTTP answer. Other upgrade paths are left alone.
 */
export function attachWebSocketServer(
  httpServer: Server,
  workflowServer: WorkflowServer,
  options: AttachWebSocketOptions = {},
): AttachedWebSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 65_536 });
  const { hub } = workflowServer;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    if (!hub.handles(url.pathname)) return;
    socket.on('error', () => socket.destroy());
    const webRequest = new Request(url, { headers: toWebHeaders(request.headers) });
    void hub.authorizeUpgrade(webRequest, request.socket.remoteAddress).then((decision) => {
      if (!decision.ok) {
        refuse(socket, decision.status, decision.body);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        const connection = hub.attach(ws, decision.session);
        ws.on('message', (data, isBinary) => {
          if (!isBinary) connection.onMessage(data.toString());
        });
        ws.on('pong', connection.onPong);
        ws.on('close', connection.onClose);
        ws.on('error', () => ws.terminate());
      });
    });
  };

  httpServer.on('upgrade', onUpgrade);
  return {
    close: () =>
      new Promise((resolve) => {
        httpServer.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function refuse(socket: Duplex, status: number, body: string): void {
  if (!socket.writable) return;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
