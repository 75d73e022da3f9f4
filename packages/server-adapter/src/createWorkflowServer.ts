import {
  type CodeSandbox,
  type ComponentRegistry,
  componentRegistry,
  createGuardedFetch,
  ExecutionEngine,
  type NetworkOptionsInput,
  type WorkflowLimitsInput,
  type WorkflowStore,
} from '@flowloom/core';
import type { Hono } from 'hono';
import { AccessControl } from './auth/AccessControl';
import type { AuthenticateHook, AuthorizeHook, CanAccessHook } from './auth/authTypes';
import { type CredentialsKey, CredentialVault } from './credentials/CredentialVault';
import { createCredentialResolver } from './credentials/createCredentialResolver';
import type { ApiEnv, RequestContext } from './http/apiEnv';
import { createApiApp } from './http/createApiApp';
import type { ErrorReporter } from './http/errorResponse';
import { DEFAULT_BODY_LIMIT } from './http/readJsonBody';
import { createNodeGuardTransport } from './network/createNodeGuardTransport';
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument';
import { RateLimiter, type RateLimitOptions } from './rateLimit/RateLimiter';
import type { RateLimitStore } from './rateLimit/RateLimitStore';
import { createCodeSandbox } from './sandbox/createCodeSandbox';
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
  /**
   * Whether a user may reach a record at all (an instance, a saved workflow, a credential),
   * on every route, the WebSocket, and for the credentials a run uses. `authorize` still runs
   * after it and can only refuse.
   * @default a user reaches records of their own `tenant_id`, else only those they created;
   * records without an owner are left to `authorize`
   * @remarks The default rule filters lists in the store's query. A custom rule can't, so lists
   * read every record of the store, page by page, and ask `canAccess` about each: slower, with
   * a cost that grows with the store.
   */
  canAccess?: CanAccessHook;
  /**
   * The key credentials are sealed with (AES-256-GCM): a base64 32-byte key, e.g. from
   * `CredentialVault.generateKey()`, or several, the first sealing and the others still
   * opening (to rotate, put the new key first; an update reseals with it). Without one the
   * credential routes answer 501 `NOT_CONFIGURED`.
   * @remarks The engine the server creates resolves credentials with it; an engine you pass
   * needs `credentials: createCredentialResolver({ store, vault })` of its own.
   */
  credentialsKey?: CredentialsKey;
  /** Per-route rate limits, e.g. `{ execute: '10/minute', default: '600/minute' }`. */
  rateLimit?: RateLimitOptions;
  /**
   * Where rate-limit counters live; `RedisRateLimitStore` shares them between servers.
   * @default in memory
   */
  rateLimitStore?: RateLimitStore;
  /**
   * Bounds on what end users can make the server do: nodes and edges per workflow, expression
   * length, JSON depth of every body and step output, step output and run sizes, log lines per
   * run, runs executing at once. Each has a default (see `WorkflowLimits`); given here, they
   * apply to the engine the server creates.
   */
  limits?: WorkflowLimitsInput;
  /**
   * What workflows may reach over the network. By default steps' requests to loopback, private,
   * link-local and other non-public addresses are refused (checked after DNS resolution and on
   * every redirect); `allowHosts` lets named hosts through, e.g. `['localhost:8000']`.
   */
  network?: NetworkOptionsInput;
  /**
   * Where `code` steps run end users' JavaScript. `false` leaves the engine without one (code
   * steps then fail `NOT_CONFIGURED`).
   * @default createCodeSandbox(): WebAssembly QuickJS in a worker thread, started on first use
   */
  sandbox?: CodeSandbox | false;
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
  /**
   * Origins (`'https://app.example.com'`) whose pages may open the WebSocket; `'*'` allows any.
   * When absent, a browser's `Origin` must be the server's own (its `Host`): other sites can't
   * subscribe with a signed-in user's cookies. Clients that send no `Origin` (servers, CLIs)
   * are not affected.
   */
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
  // Always made: refused authentications are limited per IP even when no route is.
  const limiter = new RateLimiter(options.rateLimit ?? {}, options.rateLimitStore);
  const vault =
    options.credentialsKey === undefined ? undefined : new CredentialVault(options.credentialsKey);
  const ownsStore = !options.store && !options.engine;
  const store = options.store ?? options.engine?.store ?? new SqliteStore(':memory:');
  const registry = options.registry ?? options.engine?.registry ?? componentRegistry;
  // The server's own engine gets the DNS-checking fetch; its connection pools close with it.
  const transport = options.engine ? undefined : createNodeGuardTransport();
  const ownsSandbox = !options.engine && options.sandbox === undefined;
  const sandbox =
    options.engine || options.sandbox === false
      ? undefined
      : (options.sandbox ?? createCodeSandbox());
  const credentials = vault
    ? createCredentialResolver({ store, vault, canAccess: options.canAccess })
    : undefined;
  const engine =
    options.engine ??
    new ExecutionEngine({
      registry,
      store,
      limits: options.limits,
      network: options.network,
      fetch: createGuardedFetch({ network: options.network ?? {}, transport }),
      sandbox,
      credentials,
    });
  const access = new AccessControl(options.authenticate, options.authorize, options.canAccess);
  let openApi: unknown;
  const app = createApiApp(basePath, {
    engine,
    store,
    registry,
    access,
    limiter,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    limits: engine.limits,
    vault,
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
        await transport?.close();
        if (ownsSandbox) await sandbox?.close?.();
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
