import type {
  ComponentRegistry,
  ExecutionEngine,
  StartedRun,
  WorkflowRunner,
  WorkflowStore,
} from '@flowloom/core';
import type { Hono } from 'hono';
import type { ApiEnv, RequestContext } from './http/apiEnv';
import type { FlowloomMetrics } from './metrics/metricsTypes';
import type { PruneResult } from './retention/createRunRetention';
import type { WebSocketHub } from './ws/WebSocketHub';

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
   * Deletes the finished runs (and, with `retention.auditMaxAgeMs`, the audit entries) past the
   * `retention` bounds now, batch by batch; resolves with how many of each. Without `retention`
   * it deletes nothing.
   */
  pruneRuns(): Promise<PruneResult>;
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
