import { afterEach, describe, expect } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import {
  createWorkflowServer,
  type WorkflowServer,
  type WorkflowServerOptions,
} from '../createWorkflowServer';
import {
  type Answer,
  call,
  WatchedSocket,
  within,
  workflow,
} from './conformanceClient.test-helpers';
import { describeCredentialRoutes } from './conformanceCredentials.test-helpers';
import { describeErrorAnswers, describeHostFramework } from './conformanceHttp.test-helpers';
import { describeRequestRefusals } from './conformanceRefusals.test-helpers';
import {
  describeUpgradeRefusals,
  describeWebSocketRuns,
} from './conformanceWebSocket.test-helpers';

/** The API mounted on a real framework server listening on 127.0.0.1. */
export interface RunningAdapter {
  /** `http://127.0.0.1:<port>`, without the base path. */
  baseUrl: string;
  /** Stops the framework's server and its WebSocket endpoint (the suite closes the API itself). */
  close(): Promise<void>;
}

/**
 * Starts a framework server (127.0.0.1, port 0) serving `server` through its adapter. Besides the
 * API it must register two host routes after mounting the API, to show that the adapter leaves
 * other paths to the framework: `GET /health` answering the text `ok`, and `POST /echo` answering
 * the JSON body as the framework's own parser read it.
 */
export type StartAdapter = (server: WorkflowServer) => Promise<RunningAdapter>;

/** One API started for a test on the framework under test; closed after the test. */
export interface LaunchedApi {
  server: WorkflowServer;
  /** `baseUrl` plus the base path. */
  api: string;
  baseUrl: string;
  /** Stops the framework's server (once; later calls share the first). */
  stop(): Promise<void>;
  /** `ws://.../{basePath}/ws/{instanceId}{query}`. */
  wsUrl(instanceId: string, query?: string): string;
  /** POSTs a manual_trigger → log → delay → log instance and returns its id. */
  createInstance(headers?: Record<string, string>, delayMs?: number): Promise<string>;
}

/** What each part of the suite works with. */
export interface ConformanceContext {
  /** Starts the API with `options` (a silent logger that fails the test on any 500). */
  launch(options?: WorkflowServerOptions): Promise<LaunchedApi>;
  /** A WebSocket client, terminated after the test. */
  connect(url: string, options?: ClientOptions): WatchedSocket;
  /** Opens a WebSocket the server must refuse at the upgrade; resolves with its HTTP answer. */
  refusedUpgrade(url: string, options?: ClientOptions): Promise<Answer>;
}

/**
 * The API's behaviour through one framework adapter on a real server: HTTP with the global
 * `fetch`, the WebSocket with the `ws` client. Every adapter must pass it unchanged.
 *
 * @example
 * describeAdapterConformance('Fastify', async (server) => {
 *   const app = Fastify();
 *   await app.register(flowloomFastify, { server });
 *   ...
 * });
 */
export function describeAdapterConformance(name: string, start: StartAdapter): void {
  describe(`${name} adapter conformance`, () => {
    const sockets = new Set<WebSocket>();
    const cleanups: Array<() => Promise<void>> = [];

    afterEach(async () => {
      for (const socket of sockets) socket.terminate();
      sockets.clear();
      const failures: unknown[] = [];
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup().catch((error: unknown) => failures.push(error));
      }
      if (failures.length > 0) throw failures[0];
    });

    const context: ConformanceContext = {
      async launch(options = {}) {
        const unexpected: unknown[] = [];
        cleanups.push(async () => {
          expect(unexpected, 'errors the server reported as 500').toEqual([]);
        });
        const server = createWorkflowServer({
          logger: { info() {}, warn() {}, error: (_message, error) => unexpected.push(error) },
          ...options,
        });
        // No grace: the runs a test leaves are interrupted at once.
        cleanups.push(() => server.close({ graceMs: 0 }));
        const running = await within(start(server), `the ${name} server to start`);
        let stopping: Promise<void> | undefined;
        const stop = () => {
          stopping ??= within(running.close(), `the ${name} server to close`);
          return stopping;
        };
        cleanups.push(stop);
        const api = `${running.baseUrl}${server.basePath}`;
        const wsBase = `${api.replace(/^http/, 'ws')}/ws/`;
        return {
          server,
          api,
          baseUrl: running.baseUrl,
          stop,
          wsUrl: (instanceId, query = '') => `${wsBase}${instanceId}${query}`,
          createInstance: async (headers = {}, delayMs = 50) => {
            const created = await call('POST', `${api}/instances`, {
              json: { name: 'Conformance', workflow_data: workflow(delayMs) },
              headers,
            });
            expect(created.status, created.text).toBe(201);
            return created.body.instance_id as string;
          },
        };
      },

      connect(url, options) {
        const watched = new WatchedSocket(url, options);
        sockets.add(watched.socket);
        return watched;
      },

      refusedUpgrade(url, options) {
        const socket = new WebSocket(url, options);
        sockets.add(socket);
        socket.on('error', () => {});
        return within(
          new Promise<Answer>((resolve, reject) => {
            socket.once('open', () => reject(new Error(`${url} opened; expected a refusal`)));
            socket.once('error', (error) => reject(error));
            socket.once('unexpected-response', (_request, response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => {
                text += chunk;
              });
              response.on('end', () => {
                socket.terminate();
                const headers = new Headers();
                for (const [key, value] of Object.entries(response.headers)) {
                  if (typeof value === 'string') headers.set(key, value);
                }
                let body: unknown = text;
                try {
                  body = JSON.parse(text);
                } catch {}
                resolve({ status: response.statusCode ?? 0, headers, text, body });
              });
            });
          }),
          `the upgrade of ${url} to be refused`,
        );
      },
    };

    describeWebSocketRuns(context);
    describeUpgradeRefusals(context);
    describeErrorAnswers(context);
    describeRequestRefusals(context);
    describeHostFramework(context);
    describeCredentialRoutes(context);
  });
}
