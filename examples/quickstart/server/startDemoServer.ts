import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createDemoRouter } from './createDemoRouter';

/** The demo endpoint, listening on a port of its own. */
export interface RunningDemoServer {
  /** `http://127.0.0.1:<port>`: what `{{ vars.demo_base_url }}` resolves to. */
  url: string;
  /** `127.0.0.1:<port>`: the one host the quickstart's workflows may reach. */
  host: string;
  close(): Promise<void>;
}

/**
 * Serves the demo order endpoint on its own loopback port. The workflows' network guard allows
 * exactly this host and port: had the demo shared the API's port, allowing it would have let
 * any workflow call the API itself (list workflows, start copies of itself).
 */
export async function startDemoServer(): Promise<RunningDemoServer> {
  const app = express();
  app.use(createDemoRouter());
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
