import type { Context } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { ApiEnv } from '../http/apiEnv';
import type { RouteName } from '../http/routeNames';
import type { AuditRecorder } from './AuditRecorder';
import { AUDITED_ROUTES } from './auditedRoutes';

/**
 * Records a request of an audited route (see `AUDITED_ROUTES`) that succeeded: who (the
 * authenticated user and their tenant), what, to which record, from which address (the
 * adapter's `clientIp`), and when. Refused and failed requests changed nothing: not recorded.
 */
export async function auditRequest(
  recorder: AuditRecorder,
  route: RouteName,
  c: Context<ApiEnv>,
): Promise<void> {
  const audited = AUDITED_ROUTES[route];
  if (!audited || c.error || c.res.status >= 400) return;
  const user = c.get('user');
  const resource_id =
    'param' in audited.id
      ? (c.req.param(audited.id.param) ?? null)
      : await idInAnswer(c.res, audited.id.answer);
  await recorder.record({
    at: new Date().toISOString(),
    actor_id: user.id,
    tenant_id: tenantOf(user),
    action: audited.action,
    resource_type: audited.resource_type,
    resource_id,
    ip: c.env?.clientIp ?? null,
  });
}

/** A string field of a JSON answer (the id of a record the request made), else `null`. */
async function idInAnswer(response: Response, field: string): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    const id = body?.[field];
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
