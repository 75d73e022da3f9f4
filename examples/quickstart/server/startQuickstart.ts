import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGuardedFetch } from '@flowloom/core';
import {
  CredentialVault,
  createCodeSandbox,
  createCredentialResolver,
  createNodeGuardTransport,
  type ServerLogger,
  SqliteStore,
  type WorkflowServer,
} from '@flowloom/server-adapter';
import express from 'express';
import { createPageHandler } from './createPageHandler';
import { credentialsKeyFile } from './credentialsKeyFile';
import { mountWorkflowApi } from './mountWorkflowApi';
import { QuickstartEngine } from './QuickstartEngine';
import { seedSampleWorkflows } from './seedSampleWorkflows';
import { startDemoServer } from './startDemoServer';

const EXAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Options of {@link startQuickstart}. */
export interface QuickstartOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default Number(process.env.PORT ?? 8000)
   */
  port?: number;
  /**
   * Address to listen on. The API has no authentication, so the default keeps it on this machine.
   * @default process.env.HOST ?? '127.0.0.1'
   */
  host?: string;
  /**
   * The SQLite file; its folder is created when missing. The key credentials are sealed with
   * is kept beside it, in `flowloom.key` (made on first start).
   * @default process.env.DATABASE_PATH ?? '<examples/quickstart>/data/flowloom.db'
   */
  databasePath?: string;
  /**
   * The folder holding the built page.
   * @default '<examples/quickstart>/dist'
   */
  distDir?: string;
  /**
   * Where the workflow server writes its notes and errors.
   * @default console
   */
  logger?: ServerLogger;
}

/** A running quickstart. */
export interface RunningQuickstart {
  /** Where it listens, e.g. `http://127.0.0.1:8000` (no trailing slash). */
  url: string;
  /** The port it got (useful with `port: 0`). */
  port: number;
  /** The demo endpoint the samples call, on a loopback port of its own. */
  demoUrl: string;
  /** The workflow API (its engine, store and WebSocket hub). */
  server: WorkflowServer;
  /** The Node HTTP server. */
  httpServer: Server;
  /**
   * Refuses new requests, lets running steps finish for up to `graceMs` (default 10 s), leaves
   * unfinished runs `interrupted` (the next start resumes them), closes the WebSockets, the
   * database and the HTTP server.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Starts the quickstart: the workflow API on Express with SQLite, its WebSocket, the demo
 * endpoint the samples call and the built editor page, all on one port. Seeds the sample
 * workflows when the database holds none, and resumes the runs a previous process left
 * unfinished (the workflow server's `resumeOnStart`) before it resolves.
 *
 * @example
 * const quickstart = await startQuickstart({ port: 0, databasePath: ':memory:' });
 * console.log(quickstart.url);
 * await quickstart.close();
 */
export async function startQuickstart(options: QuickstartOptions = {}): Promise<RunningQuickstart> {
  const port = options.port ?? Number(process.env.PORT ?? 8000);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const databasePath =
    options.databasePath ??
    process.env.DATABASE_PATH ??
    path.join(EXAMPLE_DIR, 'data', 'flowloom.db');
  const distDir = options.distDir ?? path.join(EXAMPLE_DIR, 'dist');
  if (databasePath !== ':memory:')
    mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });

  // Credentials are sealed with the key kept beside the database (`flowloom.key`).
  const credentialsKey = credentialsKeyFile(databasePath, options.logger ?? console);
  const store = new SqliteStore(databasePath);
  const vault = new CredentialVault(credentialsKey);
  // Next to the API's port (8001 beside 8000), stable across restarts for resumed runs.
  const demo = await startDemoServer(port === 0 ? 0 : port + 1);
  const sandbox = createCodeSandbox();
  const transport = createNodeGuardTransport();
  // Its own engine (for `demo_base_url`), so it is given what createWorkflowServer would give
  // one: credentials, the code sandbox, and a guarded fetch that reaches the demo host only.
  const engine = new QuickstartEngine({
    store,
    credentials: createCredentialResolver({ store, vault }),
    sandbox,
    fetch: createGuardedFetch({ network: { allowHosts: [demo.host] }, transport }),
  });
  engine.demoBaseUrl = demo.url;
  let closing: Promise<void> | undefined;
  const app = express();
  const httpServer = createServer(app);
  app.use((_req, res, next) => {
    // During shutdown nothing new starts, a run included.
    if (closing) res.status(503).set('Connection', 'close').send('Shutting down\n');
    else next();
  });
  const { workflows: server, webSocket } = mountWorkflowApi(app, httpServer, {
    engine,
    credentialsKey,
    logger: options.logger,
    // The API has no authentication: a page that rebinds its own name to this address still
    // names itself in Host, and is refused (421).
    allowedHosts: ['localhost', '127.0.0.1', host],
  });
  app.use(createPageHandler({ distDir, excludedPrefixes: [server.basePath] }));

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await webSocket.close();
    await server.close();
    await store.close();
    await sandbox.close?.();
    await transport.close();
    await demo.close();
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const url = `http://${urlHost(address)}:${address.port}`;

  const close = (closeOptions: { graceMs?: number } = {}): Promise<void> => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // Runs first, so their `execution_interrupted` still reaches the open WebSockets.
      await server.close(closeOptions);
      await webSocket.close();
      await store.close();
      await sandbox.close?.();
      await transport.close();
      await demo.close();
      httpServer.closeAllConnections();
      await httpClosed;
    })();
    return closing;
  };

  try {
    await seedSampleWorkflows(store);
    // The workflow server resumes, in the background, the runs a previous process left
    // unfinished (`resumeOnStart`); the quickstart is ready once it has.
    await server.ready;
  } catch (error) {
    await close();
    throw error;
  }
  return { url, port: address.port, demoUrl: demo.url, server, httpServer, close };
}

function listen(httpServer: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

// A wildcard address is reached through loopback; an IPv6 literal needs brackets in a URL.
function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return '127.0.0.1';
  if (address.address === '::') return '[::1]';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
