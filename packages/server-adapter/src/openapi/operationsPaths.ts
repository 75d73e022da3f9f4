import { AuditQuerySchema } from '../audit/auditSchemas';
import { errorAnswers, ok, queryParameters } from './openApiParts';

const AUDIT_EXAMPLE = {
  items: [
    {
      audit_id: 'audit_5b1d0c2a9e7f4e6b8a3c1d2e4f5a6b7c',
      at: '2026-01-15T10:00:02.000Z',
      actor_id: 'ada',
      tenant_id: 'acme',
      action: 'instances:execute',
      resource_type: 'instance',
      resource_id: 'inst_7c9e6679f4d54b4fa0c1f0a6b0c9d8e1',
      ip: '203.0.113.7',
    },
  ],
  next_cursor: null,
};

const METRICS_EXAMPLE = `# HELP flowloom_runs_started_total Runs started (a retry starts a run again), by saved workflow
# TYPE flowloom_runs_started_total counter
flowloom_runs_started_total{workflow_id="wf_3f2a"} 12
`;

/**
 * The OpenAPI path items of the operations routes: the audit log, and the Prometheus metrics
 * when the server serves them (`metrics`).
 */
export function operationsPaths(
  at: (path: string) => string,
  options: { metrics?: boolean },
): Record<string, unknown> {
  return {
    [at('/audit')]: {
      get: {
        operationId: 'listAudit',
        summary:
          'The audit log: saves, activations, deletes, executes, stops, retries, resumes and credential changes, newest first, paged by cursor',
        description:
          'Entries the caller may read: under the default access rule those of their tenant, or their own when they have none (a host’s canAccess decides per entry, as type "audit"). Each records at, actor_id, tenant_id, action (e.g. workflows:save, instances:execute, credentials:update), resource_type, resource_id and ip.',
        parameters: queryParameters(AuditQuerySchema),
        responses: {
          200: ok('AuditPage', AUDIT_EXAMPLE),
          ...errorAnswers('get', [], {
            400: 'VALIDATION_FAILED: a query parameter (an unknown one included) or the cursor is invalid; every problem in error.issues',
          }),
        },
      },
    },
    ...(options.metrics
      ? {
          [at('/metrics')]: {
            get: {
              operationId: 'getMetrics',
              summary: 'Prometheus metrics of this process, in the text exposition format',
              description:
                'Runs started and finished by workflow, step durations by component type, runs executing and queued, WebSocket clients, and whatever else the host put in the registry.',
              responses: {
                200: {
                  description: 'The metrics',
                  content: {
                    'text/plain': { schema: { type: 'string' }, example: METRICS_EXAMPLE },
                  },
                },
                ...errorAnswers('get'),
              },
            },
          },
        }
      : {}),
  };
}
