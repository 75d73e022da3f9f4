import { AuditRecorder } from './audit/AuditRecorder';
import { AccessControl } from './auth/AccessControl';
import { closeWorkflowServer } from './closeWorkflowServer';
import { createLeaseSweep } from './createLeaseSweep';
import { createApiApp } from './http/createApiApp';
import { DEFAULT_BODY_LIMIT } from './http/readJsonBody';
import { createApiDocuments } from './openapi/createApiDocuments';
import { resolveServerParts } from './resolveServerParts';
import { createRunRetention } from './retention/createRunRetention';
import { startServerPasses } from './startServerPasses';
import { systemClock } from './triggers/ScheduleClock';
import { InProcessTickClaim } from './triggers/TickClaim';
import { WorkflowTriggers } from './triggers/WorkflowTriggers';
import { createWaker } from './waits/createWaker';
import { warnAboutServerSetup } from './warnAboutServerSetup';
import type { WorkflowServer } from './workflowServer';
import type { WorkflowServerOptions } from './workflowServerOptions';
import { WebSocketHub } from './ws/WebSocketHub';

export type { ServerCloseOptions, WorkflowServer } from './workflowServer';
export type { ServerLogger, TriggerOptions, WorkflowServerOptions } from './workflowServerOptions';

/**
 * Creates the workflow API: every endpoint of the seed under `basePath`, as one web-standard
 * `fetch` handler plus a WebSocket hub. Mount it with the Express, Fastify or Hono adapter.
 *
 * @example
 * const server = createWorkflowServer({ store: new SqliteStore('./flowloom.db'), rateLimit: { execute: '10/minute' } });
 * const response = await server.fetch(new Request('http://localhost/api/workflow/components'));
 */
export function createWorkflowServer(options: WorkflowServerOptions = {}): WorkflowServer {
  const parts = resolveServerParts(options);
  const { logger, basePath, store, registry, engine, runner, metrics } = parts;
  const triggers = new WorkflowTriggers({
    engine,
    runner,
    basePath,
    publicUrl: options.triggers?.publicUrl?.replace(/\/+$/, ''),
    logger,
    clock: options.triggers?.clock ?? systemClock,
    tickClaim: options.triggers?.tickClaim ?? runner.tickClaim ?? new InProcessTickClaim(),
    schedules: options.triggers?.schedules ?? true,
    syncIntervalMs: parts.syncIntervalMs,
    credentials: parts.credentials,
  });
  const retention = createRunRetention(store, parts.retentionOptions, logger);
  retention.start();
  const waker =
    options.waker === false
      ? undefined
      : createWaker({ engine, runner, store, logger, intervalMs: options.waker?.intervalMs });
  waker?.start();
  let closing: Promise<void> | undefined;
  // A runner of its own (a queue) resumes on its workers: this server executes nothing.
  const resumeOnStart = options.resumeOnStart ?? options.runner === undefined;
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
    limiter: parts.limiter,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    limits: engine.limits,
    vault: parts.vault,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    reporter: logger,
    openApiDocument: documents.openApi,
    asyncApiDocument: documents.asyncApi,
    allowedHosts: options.allowedHosts,
    // Read per request, so after `passes` below is set: a host mounts the server first.
    cancelsOrphanedRuns: () => resumeOnStart && passes.resumeDone(),
    triggers,
    audit: new AuditRecorder(store, options.onAudit, logger),
    metrics,
  });
  const hub = new WebSocketHub({
    basePath,
    events: options.events ?? runner,
    store,
    access,
    limiter: parts.limiter,
    allowedOrigins: options.allowedOrigins,
    allowedHosts: options.allowedHosts,
    heartbeatMs: options.heartbeatMs,
    reporter: logger,
    maxSocketsPerCaller: parts.socketLimits.maxWebSocketsPerUser,
    maxSockets: parts.socketLimits.maxWebSockets,
  });
  const stopMetrics = metrics
    ? [metrics.observeEngine(engine), metrics.observeConnections(hub)]
    : [];
  warnAboutServerSetup(
    { hostEngine: Boolean(options.engine), open: access.isOpen, basePath },
    logger,
  );
  // In the background, once the host's synchronous set-up (mounting the server) is done.
  const passes = startServerPasses(sweep, triggers, logger);
  const running = { ...parts, triggers, retention, waker, sweep, hub, stopMetrics };
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
    ready: passes.ready,
    triggersReady: passes.triggersReady,
    trigger: (workflowId, stepId, runInput) => triggers.trigger(workflowId, stepId, runInput),
    pruneRuns: () => retention.prune(),
    close: (closeOptions = {}) => {
      closing ??= closeWorkflowServer(running, closeOptions);
      return closing;
    },
  };
}
