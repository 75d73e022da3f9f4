import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test server on 127.0.0.1 that records what it receives. */
export interface LoopbackServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request the server received. */
  requests: IncomingMessage[];
}

const servers: ReturnType<typeof createServer>[] = [];

/** Starts a server on 127.0.0.1, port 0; close it with {@link closeLoopbackServers}. */
export async function startLoopbackServer(
  handle: (request: IncomingMessage, response: ServerResponse) => void = (_, response) =>
    response.end('ok'),
): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    handle(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, requests };
}

/** Closes every server {@link startLoopbackServer} started, dropping open connections. */
export async function closeLoopbackServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
}
