import type {
  CodeSandbox,
  ComponentRegistry,
  ExecutionEngine,
  NetworkOptionsInput,
  WorkflowLimitsInput,
  WorkflowRunner,
  WorkflowStore,
} from '@flowloom/core';
import type { AuthenticateHook, AuthorizeHook, CanAccessHook } from './auth/authTypes';
import type { CredentialsKey } from './credentials/CredentialVault';
import type { ErrorReporter } from './http/errorResponse';
import type { OpenApiOptions } from './openapi/openApiOptions';
import type { OperationsOptions } from './operationsOptions';
import type { RateLimitOptions } from './rateLimit/RateLimiter';
import type { RateLimitStore } from './rateLimit/RateLimitStore';
import type { RetentionOptions } from './retention/createRunRetention';
import type { ScheduleClock } from './triggers/ScheduleClock';
import type { TickClaim } from './triggers/TickClaim';
import type { EventSource } from './ws/WebSocketHub';

/** Where the server writes its start-up notes and unexpected errors. */
export interface ServerLogger extends ErrorReporter {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of {@link createWorkflowServer}. */
export interface WorkflowServerOptions extends OperationsOptions {
  /**
   * Where component types are looked up.
   * @default the engine's registry, else `componentRegistry`
   */
  registry?: ComponentRegistry;
  /**
   * Where workflows, instances, events and logs live.
   * @default the engine's store, else `new SqliteStore(':memory:')` (better-sqlite3 must be installed)
   */
  store?: WorkflowStore;
  /**
   * Runs the instances.
   * @default new ExecutionEngine({ registry, store, ... }) with the server's limits, network
   * guard, sandbox, credentials and `workflows: createWorkflowLoader(...)`
   * @remarks An engine you build yourself has only what you give it. Give it
   * `workflows: createWorkflowLoader({ store, canAccess, authorize })` (the same hooks as the
   * server), or its `sub_workflow` and `for_each` steps run any saved workflow whose id a user
   * knows, whoever owns it; likewise `credentials: createCredentialResolver(...)`. The server
   * can't check this and logs a warning at start when given an engine.
   * @example
   * const engine = new ExecutionEngine({
   *   store,
   *   registry,
   *   workflows: createWorkflowLoader({ store, canAccess, authorize }),
   * });
   * const server = createWorkflowServer({ engine, canAccess, authorize });
   */
  engine?: ExecutionEngine;
  /**
   * What executes the runs: every execute, retry, resume, wake, resume request, trigger and
   * stop goes through it, and the WebSocket's live events come from it (replay still from the
   * store). The server's own engine then only creates instances and reads statuses.
   * @default createInProcessRunner(engine): runs execute in this process
   * @example
   * // Queue mode: the runs execute in worker processes (`createWorker` of @flowloom/queue).
   * const server = createWorkflowServer({ store, runner: createQueueRunner({ connection, store }) });
   */
  runner?: WorkflowRunner;
  /**
   * Where live events come from.
   * @default the runner
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
   * run, runs executing at once, open WebSockets. Each has a default (see `WorkflowLimits`);
   * given here, they apply to the engine the server creates, and the WebSocket limits
   * (`maxWebSocketsPerUser`, `maxWebSockets`) to the server whichever engine it runs on.
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
   * @default createCodeSandbox({ maxOutputBytes: limits.maxStepOutputBytes }): WebAssembly
   * QuickJS in worker threads, started on first use
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
   * Host names the API answers for, against DNS rebinding: a request (or WebSocket upgrade)
   * whose `Host` header names another host is refused with 421 `HOST_NOT_ALLOWED`. Entries are
   * host names or IP addresses without a port (`'localhost'`, `'127.0.0.1'`, `'[::1]'`,
   * `'api.example.com'`), `'.example.com'` for a domain and its subdomains, or `'*'`.
   * @default any host
   * @remarks Set it for an API without authentication on a developer's machine: a page on any
   * site can point its own name at 127.0.0.1 and then call the API as its own origin; the Host
   * header still names that site. Behind a proxy, list the names clients use (the proxy's
   * `Host`, or the one it forwards as `Host`).
   */
  allowedHosts?: readonly string[];
  /**
   * What the OpenAPI (`{basePath}/openapi.json`) and AsyncAPI (`{basePath}/asyncapi.json`)
   * documents say about this host: its security schemes (what `authenticate` reads), servers
   * and info.
   * @example { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } }, servers: [{ url: 'https://api.example.com' }] }
   */
  openapi?: OpenApiOptions;
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
  /**
   * Take over, in the background, every run no live process executes: `interrupted` by a
   * shutdown, or still `running` after its process was killed, once its lease expired (see
   * `leaseMs`). At start (`server.ready` settles when that pass is done) and then every
   * `leaseSweepMs`. Finished steps are kept; a step that was in flight runs again
   * (at-least-once: see `context.idempotency_key`). Works for a server given an `engine` too.
   * @default true; false with a `runner` (its workers take unfinished runs over)
   * @remarks Safe with several servers on one store: each run is claimed by one of them, and
   * a run another live process executes (its lease renewed) is never taken.
   */
  resumeOnStart?: boolean;
  /**
   * How long the lease of a run executing here lasts unless renewed (every third of it), in
   * milliseconds: a killed process's runs are taken over this long after its last renewal.
   * For the engine the server creates; an engine you pass has its own.
   * @default 30000
   */
  leaseMs?: number;
  /**
   * How often (with `resumeOnStart`) the store is asked for runs whose process died, to take
   * them over; `false`: only at start.
   * @default the engine's `leaseMs`
   */
  leaseSweepMs?: number | false;
  /**
   * How long finished runs (completed, failed, cancelled) are kept, with their events and logs:
   * past `finishedRunsMaxAgeMs` after they finished, or beyond the newest `maxRunsPerWorkflow`
   * of a saved workflow, a sweep deletes them, at start and every `sweepIntervalMs` (default an
   * hour), in batches that never hold the store or the event loop for long.
   * `server.pruneRuns()` sweeps on demand.
   * @default keep every run
   */
  retention?: RetentionOptions;
  /**
   * Webhook and schedule triggers of active workflows. Activation is stored: at start the server
   * arms the schedules of every active workflow, and keeps them in line with the store (changes
   * made through another server sharing it) every `syncIntervalMs`.
   */
  triggers?: TriggerOptions;
  /**
   * The waker: every `intervalMs` it continues the waiting runs (`wait` steps) whose wake time
   * has come, by the engine's clock. No process holds a waiting run meanwhile: whichever server
   * is up then wakes it, a restarted one included. `false` turns it off (e.g. on all but one of
   * several servers sharing a store).
   * @default { intervalMs: 1000 }
   */
  waker?: { intervalMs?: number } | false;
  /**
   * The clock of the engine the server creates, for `wait` steps; tests pass one they move.
   * @default Date.now
   */
  now?: () => number;
}

/** Options of the server's triggers (`triggers` of {@link createWorkflowServer}). */
export interface TriggerOptions {
  /**
   * The origin webhook URLs are shown under (`'https://api.example.com'`), for a server behind
   * a proxy that rewrites the host.
   * @default the origin of the request asking (activate, `GET /workflows/{id}`)
   */
  publicUrl?: string;
  /**
   * Whether this process fires schedules. Webhooks work on every process either way.
   * @default true
   * @remarks Several servers sharing a store each fire every schedule, each tick once per
   * process: turn schedules off on all but one, or give every server a shared `tickClaim`.
   */
  schedules?: boolean;
  /**
   * Decides whether this process fires a tick (see `TickClaim`).
   * @default new InProcessTickClaim(): each tick once in this process
   */
  tickClaim?: TickClaim;
  /**
   * The time and timers of the scheduler; tests pass one they move by hand.
   * @default the system clock
   */
  clock?: ScheduleClock;
  /**
   * How often the armed schedules are brought in line with the store's activations (changes
   * another server made), in milliseconds; at least 1000.
   * @default 60000
   */
  syncIntervalMs?: number;
}
