import type { Hono } from 'hono';
import type { AccessControl } from '../auth/AccessControl';
import type { ApiEnv } from '../http/apiEnv';
import type { GuardRoute } from '../http/guardRoute';
import type { FlowloomMetrics } from './metricsTypes';

/**
 * `GET /metrics`: the registry in the Prometheus text format, behind `authenticate` and the
 * `metrics:read` action (a scraper authenticates as any other caller).
 */
export function addMetricsRoute(
  app: Hono<ApiEnv>,
  deps: { access: AccessControl; metrics: FlowloomMetrics },
  guard: GuardRoute,
): void {
  app.get('/metrics', guard('metrics'), async (c) => {
    await deps.access.authorize(c.get('user'), 'metrics:read', { type: 'metrics' });
    const registry = deps.metrics.registry;
    return new Response(await registry.metrics(), {
      status: 200,
      headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    });
  });
}
