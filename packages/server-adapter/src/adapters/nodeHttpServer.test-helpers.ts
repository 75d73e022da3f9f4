import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `http://127.0.0.1:<port>` of a listening server. */
export function baseUrlOf(server: Server): string {
  const address = server.address() as AddressInfo | null;
  if (!address || typeof address === 'string') throw new Error('The server is not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** Resolves once the server listens; rejects with its error (e.g. EADDRINUSE). */
export function listening(server: Server): Promise<void> {
  if (server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
}

/** Stops a server and resolves once its last connection is gone. */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections of the test's `fetch` would hold the close open until they time out.
    server.closeIdleConnections();
  });
}
