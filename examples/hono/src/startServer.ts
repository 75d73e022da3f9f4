import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createWorkflowServer, SqliteStore, type WorkflowServer } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The SQLite file next to this example's package.json, created on first start. */
export const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../flowloom.db', import.meta.url));

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 8002
   */
  port?: number;
  /**
   * Address to listen on.
   * @default 'localhost'
   */
  hostname?: string;
  /**
   * The SQLite file the workflows, runs and logs live in; `':memory:'` for a throwaway one.
   * @default process.env.DATABASE_PATH, else `flowloom.db` in the example's folder
   */
  databasePath?: string;
}

/** A listening server, from {@link startServer}. */
export interface RunningServer {
  /** `http://<hostname>:<port>`, with the port actually taken. */
  url: string;
  /** The Hono app: the host's `/health` route and the workflow API. */
  app: Hono;
  workflows: WorkflowServer;
  /** Closes the WebSockets (1001), the HTTP server, the runs and the database, in that order. */
  close(): Promise<void>;
}

/**
 * A Hono app of the host's own (here a `/health` route) with the Flowloom API under
 * `/api/workflow`, served on Node by @hono/node-server, with the WebSocket on the same port.
 *
 * @example
 * const server = await startServer({ port: 8002 });
 * console.log(server.url);
 * process.once('SIGINT', () => server.close());
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? 'localhost';
  const store = new SqliteStore(
    options.databasePath ?? process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
  );
  const workflows = createWorkflowServer({ store });

  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  mountWorkflowApi(app, workflows);

  // `serve()` is typed as any Node server (HTTP/1 or HTTP/2); without options it is HTTP/1.
  const httpServer = serve({ fetch: app.fetch, port: options.port ?? 8002, hostname }) as Server;
  const webSocket = attachWorkflowWebSocket(httpServer, workflows);
  try {
    await listening(httpServer);
  } catch (error) {
    await webSocket.close();
    await workflows.close();
    await store.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostname}:${port}`,
    app,
    workflows,
    close: () => {
      closing ??= (async () => {
        await webSocket.close();
        await closeHttpServer(httpServer);
        await workflows.close();
        // The server did not open the store, so it leaves it open: the host closes it.
        await store.close();
      })();
      return closing;
    },
  };
}

function listening(server: Server): Promise<void> {
  if (server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
}

function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Idle keep-alive connections would hold the close open until they time out.
    server.closeIdleConnections();
  });
}
