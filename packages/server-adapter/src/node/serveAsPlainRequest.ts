import { type IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** What {@link serveAsPlainRequest} needs of the server: its `request` event. */
export interface RequestEmitter {
  emit(event: 'request', request: IncomingMessage, response: ServerResponse): boolean;
}

/**
 * Hands an upgrade request that no `upgrade` listener takes to the server's `request` handlers,
 * answered on its socket and then closed, which is what Node does when a server has no
 * `upgrade` listener at all.
 *
 * @remarks Without it, attaching the WebSocket would leave every other request carrying
 * `Connection: Upgrade` (an `h2c` probe from `curl --http2`, a WebSocket to another path)
 * hanging with no answer. Node stops reading a request once it is an upgrade, so a body it
 * carries is not passed on: such a request reads as body-less.
 */
export function serveAsPlainRequest(
  server: RequestEmitter,
  request: IncomingMessage,
  socket: Duplex,
): void {
  if (!request.complete) request.push(null);
  const response = new ServerResponse(request);
  response.shouldKeepAlive = false;
  response.assignSocket(socket as Socket);
  response.once('finish', () => {
    response.detachSocket(socket as Socket);
    socket.end();
  });
  server.emit('request', request, response);
}
