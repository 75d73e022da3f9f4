import type { Hono } from 'hono';
import type { ApiDependencies, ApiEnv } from '../http/apiEnv';
import { json } from '../http/errorResponse';
import type { GuardRoute } from '../http/guardRoute';
import { parseInput } from '../http/parseInput';
import { AuditQuerySchema } from './auditSchemas';
import { listAuditForUser } from './listAuditForUser';

/** `GET /audit`: the audit log the caller may read, newest first, filtered and paged by cursor. */
export function addAuditRoutes(app: Hono<ApiEnv>, deps: ApiDependencies, guard: GuardRoute): void {
  app.get('/audit', guard('audit'), async (c) => {
    const user = c.get('user');
    const query = parseInput(AuditQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'audit:read', { type: 'audit' });
    return json(200, await listAuditForUser(deps, user, query));
  });
}
