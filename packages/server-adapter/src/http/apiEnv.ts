import type {
  ComponentRegistry,
  ExecutionEngine,
  WorkflowLimits,
  WorkflowRunner,
  WorkflowStore,
} from '@flowloom/core';
import type { AuditRecorder } from '../audit/AuditRecorder';
import type { AccessControl } from '../auth/AccessControl';
import type { WorkflowUser } from '../auth/authTypes';
import type { CredentialVault } from '../credentials/CredentialVault';
import type { FlowloomMetrics } from '../metrics/metricsTypes';
import type { RateLimiter } from '../rateLimit/RateLimiter';
import type { WorkflowTriggers } from '../triggers/WorkflowTriggers';
import type { ErrorReporter } from './errorResponse';

/** What the routes work with. */
export interface ApiDependencies {
  /** Creates instances and reads statuses. */
  engine: ExecutionEngine;
  /** Executes runs: execute, retry, stop, resume requests (in process, or a queue). */
  runner: WorkflowRunner;
  store: WorkflowStore;
  registry: ComponentRegistry;
  access: AccessControl;
  limiter: RateLimiter | undefined;
  bodyLimit: number;
  /** The limits in force (the engine's): JSON depth of bodies, document sizes. */
  limits: WorkflowLimits;
  requestTimeoutMs: number;
  reporter: ErrorReporter;
  /** Seals credentials; `undefined` without `credentialsKey` (credential routes answer 501). */
  vault: CredentialVault | undefined;
  /** The OpenAPI document (built on first request), for the request asking. */
  openApiDocument: (request: Request) => unknown;
  /** The AsyncAPI document of the WebSocket, for the request asking. */
  asyncApiDocument: (request: Request) => unknown;
  /** Host names the API answers for (`allowedHosts`); `undefined` answers any. */
  allowedHosts: readonly string[] | undefined;
  /**
   * Whether a `running` instance no run of this engine holds is orphaned (its process died), so
   * `POST /stop` cancels it from its journal: true once the start-up resume (`resumeOnStart`)
   * has finished.
   */
  cancelsOrphanedRuns: () => boolean;
  /** Activation, webhooks and schedules. */
  triggers: WorkflowTriggers;
  /** Records the audited routes' successful requests (see `AUDITED_ROUTES`). */
  audit?: AuditRecorder;
  /** The metrics `GET /metrics` serves; `undefined` when the server has none (no route). */
  metrics?: FlowloomMetrics;
}

/** Per-request context an adapter may pass to `fetch`. */
export interface RequestContext {
  /** The client's address, for per-IP rate limits of anonymous callers. */
  clientIp?: string;
}

/** The Hono environment of the API app. */
export interface ApiEnv {
  Bindings: RequestContext;
  Variables: { user: WorkflowUser };
}
