import {
  type CodeSandbox,
  type ComponentRegistry,
  componentRegistry,
  createGuardedFetch,
  createInProcessRunner,
  ExecutionEngine,
  type NetworkOptionsInput,
  NetworkOptionsSchema,
  resolveLimits,
  type StartedRun,
  type WorkflowLimitsInput,
  type WorkflowRunner,
  type WorkflowStore,
} from '@flowloom/core';
import type { Hono } from 'hono';
import { AuditRecorder } from './audit/AuditRecorder';
import { AccessControl } from './auth/AccessControl';
import type { AuthenticateHook, AuthorizeHook, CanAccessHook } from './auth/authTypes';
import { createLeaseSweep } from './createLeaseSweep';
import { type CredentialsKey, CredentialVault } from './credentials/CredentialVault';
import { createCredentialResolver } from './credentials/createCredentialResolver';
import type { ApiEnv, RequestContext } from './http/apiEnv';
import { createApiApp } from './http/createApiApp';
import type { ErrorReporter } from './http/errorResponse';
import { DEFAULT_BODY_LIMIT } from './http/readJsonBody';
import type { FlowloomMetrics } from './metrics/metricsTypes';
import { resolveServerMetrics } from './metrics/resolveServerMetrics';
import { createNodeGuardTransport } from './network/createNodeGuardTransport';
import { createLeaseOwnerId } from './node/leaseOwnerId';
import { createApiDocuments } from './openapi/createApiDocuments';
import type { OpenApiOptions } from './openapi/openApiOptions';
import type { OperationsOptions } from './operationsOptions';
import { RateLimiter, type RateLimitOptions } from './rateLimit/RateLimiter';
import type { RateLimitStore } from './rateLimit/RateLimitStore';
import {
  createRunRetention,
  parseRetentionOptions,
  type RetentionOptions,
} from './retention/createRunRetention';
import { createCodeSandbox } from './sandbox/createCodeSandbox';
import { openDefaultStore } from './stores/openDefaultStore';
import { readSyncInterval } from './triggers/readSyncInterval';
import { type ScheduleClock, systemClock } from './triggers/ScheduleClock';
import { InProcessTickClaim, type TickClaim } from './triggers/TickClaim';
import { WorkflowTriggers } from './triggers/WorkflowTriggers';
import { createWaker } from './waits/createWaker';
import { createWorkflowLoader } from './waits/createWorkflowLoader';
import { type EventSource, WebSocketHub } from './ws/WebSocketHub';

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

/** Options of {@link WorkflowServer.close}. */
export interface ServerCloseOptions {
  /**
   * How long steps already running may take to finish before their runs are left
   * `interrupted` (to resume at the next start).
   * @default 10000
   */
  graceMs?: number;
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
  /** What executes the runs (`options.runner`, else the in-process one on `engine`). */
  readonly runner: WorkflowRunner;
  /**
   * Flowloom's metrics and their registry, when the `metrics` option is on: add more to
   * `metrics.registry` (as `@flowloom/queue` does) and they are served at `GET /metrics` too.
   */
  readonly metrics: FlowloomMetrics | undefined;
  readonly store: WorkflowStore;
  readonly registry: ComponentRegistry;
  readonly basePath: string;
  /**
   * Settles once the start-up resume (`resumeOnStart`) is done, with how many runs it resumed
   * (0 when it is off); never rejects. Hosts and tests wait for it before counting on the
   * resumed runs.
   */
  readonly ready: Promise<{ resumed: number }>;
  /**
   * Settles once the schedules of the active workflows are armed at start, with how many
   * workflows are active; never rejects.
   */
  readonly triggersReady: Promise<{ active: number }>;
  /**
   * Starts a run of an active workflow from one of its trigger steps, as `engine.trigger` does
   * (the same checks: `NOT_FOUND`, `WORKFLOW_INACTIVE`, `VALIDATION_FAILED` for a step that is
   * not a trigger): the host's own events as triggers.
   *
   * @example
   * bus.on('invoice.paid', (invoice) => server.trigger(workflowId, 'on_paid', { body: invoice }));
   */
  trigger(
    workflowId: string,
    stepId: string,
    runInput?: Record<string, unknown>,
  ): Promise<StartedRun>;
  /**
   * Deletes the finished runs past the `retention` bounds now, batch by batch; resolves with how
   * many. Without `retention` it deletes nothing.
   */
  pruneRuns(): Promise<{ deleted: number }>;
  /**
   * Shuts down without losing runs: accepts no new run (503 `SHUTTING_DOWN`), lets running
   * steps finish for up to `graceMs`, leaves unfinished runs `interrupted` (the next start
   * resumes them), closes WebSockets, and closes the store if the server opened it. Runs are
   * never cancelled here; only `POST /stop` cancels.
   *
   * @example
   * process.once('SIGTERM', () => void server.close({ graceMs: 25_000 }).then(() => process.exit(0)));
   */
  close(options?: ServerCloseOptions): Promise<void>;
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
  const retentionOptions = parseRetentionOptions(options.retention);
  const limits = resolveLimits(options.limits);
  const syncIntervalMs = readSyncInterval(options.triggers?.syncIntervalMs);
  const network = NetworkOptionsSchema.parse(options.network ?? {});
  const metrics = resolveServerMetrics(options.metrics);
  const vault =
    options.credentialsKey === undefined ? undefined : new CredentialVault(options.credentialsKey);
  const ownsStore = !options.store && !options.engine;
  const store = options.store ?? options.engine?.store ?? openDefaultStore();
  const registry = options.registry ?? options.engine?.registry ?? componentRegistry;
  // The server's own engine gets the DNS-checking fetch; its connection pools close with it.
  const transport = options.engine ? undefined : createNodeGuardTransport();
  const ownsSandbox = !options.engine && options.sandbox === undefined;
  const sandbox =
    options.engine || options.sandbox === false
      ? undefined
      : (options.sandbox ??
        createCodeSandbox({ maxOutputBytes: options.limits?.maxStepOutputBytes }));
  const credentials = vault
    ? createCredentialResolver({
        store,
        vault,
        canAccess: options.canAccess,
        authorize: options.authorize,
      })
    : undefined;
  const engine =
    options.engine ??
    new ExecutionEngine({
      registry,
      store,
      limits,
      network,
      fetch: createGuardedFetch({ network, transport }),
      sandbox,
      credentials,
      // Sub-workflows run only the workflows their run's owner may read.
      workflows: createWorkflowLoader({
        store,
        canAccess: options.canAccess,
        authorize: options.authorize,
      }),
      now: options.now,
      ownerId: createLeaseOwnerId(),
      leaseMs: options.leaseMs,
    });
  const runner = options.runner ?? createInProcessRunner(engine);
  const triggers = new WorkflowTriggers({
    engine,
    runner,
    basePath,
    publicUrl: options.triggers?.publicUrl?.replace(/\/+$/, ''),
    logger,
    clock: options.triggers?.clock ?? systemClock,
    tickClaim: options.triggers?.tickClaim ?? runner.tickClaim ?? new InProcessTickClaim(),
    schedules: options.triggers?.schedules ?? true,
    syncIntervalMs,
    credentials,
  });
  const retention = createRunRetention(store, retentionOptions, logger);
  retention.start();
  const waker =
    options.waker === false
      ? undefined
      : createWaker({ engine, runner, store, logger, intervalMs: options.waker?.intervalMs });
  waker?.start();
  let closing: Promise<void> | undefined;
  // A runner of its own (a queue) resumes on its workers: this server executes nothing.
  const resumeOnStart = options.resumeOnStart ?? options.runner === undefined;
  let resumeDone = false;
  const sweep = resumeOnStart
    ? createLeaseSweep({
        engine,
        store,
        logger,
        isClosing: () => closing !== undefined,
        intervalMs: options.leaseSweepMs,
      })
    : undefined;
  const access = new AccessControl(options.authenticate, options.authorize, options.canAccess);
  const documents = createApiDocuments(basePath, {
    ...options.openapi,
    open: access.isOpen,
    metrics: metrics !== undefined,
  });
  const app = createApiApp(basePath, {
    engine,
    runner,
    store,
    registry,
    access,
    limiter,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    limits: engine.limits,
    vault,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    reporter: logger,
    openApiDocument: documents.openApi,
    asyncApiDocument: documents.asyncApi,
    allowedHosts: options.allowedHosts,
    cancelsOrphanedRuns: () => resumeOnStart && resumeDone,
    triggers,
    audit: new AuditRecorder(store, options.onAudit, logger),
    metrics,
  });
  const hub = new WebSocketHub({
    basePath,
    events: options.events ?? runner,
    store,
    access,
    limiter,
    allowedOrigins: options.allowedOrigins,
    allowedHosts: options.allowedHosts,
    heartbeatMs: options.heartbeatMs,
    reporter: logger,
  });
  const stopMetrics = metrics && [metrics.observeEngine(engine), metrics.observeConnections(hub)];
  if (options.engine) {
    // The server can't see which workflow source the host's engine was given.
    logger.warn(
      "[flowloom] createWorkflowServer was given an engine: its sub_workflow and for_each steps load saved workflows through the engine's own `workflows` source, which the server's access rules do not check. Build it with `workflows: createWorkflowLoader({ store, canAccess, authorize })` from @flowloom/server-adapter, so a run reaches only the workflows its owner may read.",
    );
  }
  if (access.isOpen) {
    logger.warn(
      `[flowloom] No authenticate hook: the API at ${basePath} is open, every caller acts as one anonymous user.`,
    );
  }
  // In the background, once the host's synchronous set-up (mounting the server) is done.
  const ready = sweep
    ? sweep
        .start()
        .then(
          (report) => {
            if (report.resumed > 0) {
              logger.info(
                `[flowloom] Resumed ${report.resumed} run(s) a previous process left unfinished.`,
              );
            }
            return report;
          },
          (error: unknown) => {
            logger.error('[flowloom] Resuming unfinished runs failed', error);
            return { resumed: 0 };
          },
        )
        .finally(() => {
          resumeDone = true;
        })
    : Promise.resolve({ resumed: 0 });
  const triggersReady = triggers.start().then(
    (active) => ({ active }),
    (error: unknown) => {
      logger.error('[flowloom] Arming the triggers of the active workflows failed', error);
      return { active: 0 };
    },
  );
  return {
    fetch: async (request, context = {}) => app.fetch(request, context),
    hub,
    app,
    engine,
    runner,
    metrics,
    store,
    registry,
    basePath,
    ready,
    triggersReady,
    trigger: (workflowId, stepId, runInput) => triggers.trigger(workflowId, stepId, runInput),
    pruneRuns: () => retention.prune(),
    close: (closeOptions = {}) => {
      closing ??= (async () => {
        // First, before any await: `engine.close()` marks the engine closing synchronously, so
        // from here execute, webhooks, schedule ticks and wakes are refused (503
        // `SHUTTING_DOWN`), and the start-up resume, if still going, stops at its next run.
        const engineClosed = engine.close({ graceMs: closeOptions.graceMs });
        triggers.close();
        // Then the timers; a prune or a wake under way finishes its current batch meanwhile.
        await Promise.all([retention.stop(), waker?.stop(), sweep?.stop(), engineClosed]);
        hub.close();
        for (const stop of stopMetrics ?? []) stop();
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
