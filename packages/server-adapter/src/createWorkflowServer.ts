import {
  type ComponentRegistry,
  componentRegistry,
  ExecutionEngine,
  type WorkflowStore,
} from '@flowloom/core';
import type { Hono } from 'hono';
import { AccessControl } from './auth/AccessControl';
import type { AuthenticateHook, AuthorizeHook } from './auth/authTypes';
import type { ApiEnv, RequestContext } from './http/apiEnv';
import { createApiApp } from './http/createApiApp';
import type { ErrorReporter } from './http/errorResponse';
import { DEFAULT_BODY_LIMIT } from './http/readJsonBody';
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument';
import { RateLimiter, type RateLimitOptions } from './rateLimit/RateLimiter';
import type { RateLimitStore } from './rateLimit/RateLimitStore';
import { SqliteStore } from './stores/SqliteStore';
import { type EventSource, WebSocketHub } from './ws/WebSocketHub';

/** Where the server writes its start-up notes and unexpected errors. */
export interface ServerLogger extends ErrorReporter {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of {@link createWorkflowServer}. */
export interface WorkflowServerOptions {
  /**
   * Where component types are looked up.
   * @default the engine's registry, else `componentRegistry`
   */
  registry?: ComponentRegistry;
  /**
   * Where workflows, instances, events and logs live.
   * @default the engine's store, else `new SqliteStore(':memory:')`
   */
  store?: WorkflowStore;
  /**
   * Runs the instances.
   * @default new ExecutionEngine({ registry, store })
   */
  engine?: ExecutionEngine;
  /**
   * Where live events come from.
   * @default the engine
   */
  events?: EventSource;
  /**
   * Path the API lives under.
   * @default '/api/workflow'
   */
  basePath?: string;
  /** Who the caller is (the seed's `get_current_user`). Without it the server runs open, as one anonymous user. */
  authenticate?: AuthenticateHook;
  /** Whether a user may do an action (the seed's "verify user has permission"). */
  authorize?: AuthorizeHook;
  /** Per-route rate limits, e.g. `{ execute: '10/minute', default: '600/minute' }`. */
  rateLimit?: RateLimitOptions;
  /**
   * Where rate-limit counters live; `RedisRateLimitStore` shares them between servers.
   * @default in memory
   */
  rateLimitStore?: RateLimitStore;
  /**
   * Largest request body accepted, in bytes (413 above it).
   * @default 1048576 (1 MiB)
   */
  bodyLimit?: number;
  /**
   * Longest a request may take before it is answered 408.
   * @default 30000
   */
  requestTimeoutMs?: number;
  /** Origins allowed to open the WebSocket; any when absent. `'*'` allows any explicitly. */
  allowedOrigins?: readonly string[];
  /**
   * Interval of WebSocket pings; a socket that misses one is dropped.
   * @default 30000
   */
  heartbeatMs?: number;
  /**
   * Where start-up notes and unexpected errors go.
   * @default console
   */
  logger?: ServerLogger;
}

/** The API, ready to mount: a web-standard handler and the WebSocket hub. */
export interface WorkflowServer {
  /** Answers every route under `basePath`; other paths get a 404 JSON answer. */
  fetch(request: Request, context?: RequestContext): Promise<Response>;
  /** The WebSocket protocol, for adapters to attach sockets to. */
  readonly hub: WebSocketHub;
  /** The Hono app holding the routes (its routes include `basePath`). */
  readonly app: Hono<ApiEnv>;
  readonly engine: ExecutionEngine;
  readonly store: WorkflowStore;
  readonly registry: ComponentRegistry;
  readonly basePath: string;
  /** Stops: closes WebSockets, cancels runs, and closes the store if the server opened it. */
  close(): Promise<void>;
}

/**
 * Creates the workflow API: every endpoint of the seed under `basePath`, as one web-standard
 * `fetch` handler plus a WebSocket hub. Mount it with the Express, Fastify or Hono adapter.
 *
 * @example
 * const server = createWorkflowServer({ store: new SqliteStore('./flowloom.db'), rateLimit: { execute: '10/minute' } });
 * const response = await server.fetch(new Request('http://localhost/api/workflow/components'));
 */
export function createWorkflowServer(options: WorkflowServerOptions = {}): WorkflowServer {
  const logger = options.logger ?? console;
  const basePath = normaliseBasePath(options.basePath ?? '/api/workflow');
  // Options that can be refused are read before a store is opened, so a refusal leaks nothing.
  const limiter = options.rateLimit
    ? new RateLimiter(options.rateLimit, options.rateLimitStore)
    : undefined;
  const ownsStore = !options.store && !options.engine;
  const store = options.store ?? options.engine?.store ?? new SqliteStore(':memory:');
  const registry = options.registry ?? options.engine?.registry ?? componentRegistry;
  const engine = options.engine ?? new ExecutionEngine({ registry, store });
  const access = new AccessControl(options.authenticate, options.authorize);
  let openApi: unknown;
  const app = createApiApp(basePath, {
    engine,
    store,
    registry,
    access,
    limiter,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    reporter: logger,
    openApiDocument: () => {
      openApi ??= buildOpenApiDocument(basePath);
      return openApi;
    },
  });
  const hub = new WebSocketHub({
    basePath,
    events: options.events ?? engine,
    store,
    access,
    limiter,
    allowedOrigins: options.allowedOrigins,
    heartbeatMs: options.heartbeatMs,
    reporter: logger,
  });
  if (access.isOpen) {
    logger.warn(
      `[flowloom] No authenticate hook: the API at ${basePath} is open, every caller acts as one anonymous user.`,
    );
  }
  let closing: Promise<void> | undefined;
  return {
    fetch: async (request, context = {}) => app.fetch(request, context),
    hub,
    app,
    engine,
    store,
    registry,
    basePath,
    close: () => {
      closing ??= (async () => {
        hub.close();
        await engine.close();
        if (ownsStore) await store.close();
      })();
      return closing;
    },
  };
}

function normaliseBasePath(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, '')}`;
  return trimmed === '/' ? '' : trimmed;
}
