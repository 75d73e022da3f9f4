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
 *
 * @param port - a stable port, so a run resumed after a restart still finds the address its
 * journal recorded; when it is taken, any free port (and resumed runs of an earlier start may
 * then fail to reach the demo).
 */
export async function startDemoServer(port = 0): Promise<RunningDemoServer> {
  const app = express();
  app.use(createDemoRouter());
  const server: Server = createServer(app);
  try {
    await listenOn(server, port);
  } catch (error) {
    if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listenOn(server, 0);
  }
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    host: `127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}
