import type { AuditHook } from './audit/AuditRecorder';
import type { ServerMetricsOption } from './metrics/resolveServerMetrics';

/** The operations options of `createWorkflowServer`: metrics and the audit log. */
export interface OperationsOptions {
  /**
   * Prometheus metrics (prom-client, an optional peer: `npm install prom-client`), served at
   * `GET {basePath}/metrics` behind `authenticate` and the `metrics:read` action: runs started
   * and finished by workflow, step durations by component type, runs executing and queued,
   * WebSocket clients. `true` makes a registry of their own; `{ registry }` puts them in the
   * host's (which then serves the host's metrics too). `server.metrics.registry` is where other
   * parts add theirs.
   * @default off
   * @example
   * import { collectDefaultMetrics, Registry } from 'prom-client';
   * const registry = new Registry();
   * collectDefaultMetrics({ register: registry });
   * const server = createWorkflowServer({ metrics: { registry } });
   */
  metrics?: ServerMetricsOption;
  /**
   * Called with each audit entry once it is stored: saves, activations, deactivations, deletes,
   * executes, stops, retries, resumes and credential changes that succeeded, as
   * `{ at, actor_id, tenant_id, action, resource_type, resource_id, ip, audit_id }`. The entries
   * are stored either way (`GET {basePath}/audit`, action `audit:read`); this is for the host's
   * own sink (a SIEM, a log pipeline). It is not awaited; what it throws is logged, and the
   * request is answered as if nothing happened.
   */
  onAudit?: AuditHook;
}
