import type { AuditPage, StoredAuditEntry } from '@flowloom/core';
import { encodeAuditCursor } from '@flowloom/core';
import type { WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies } from '../http/apiEnv';
import type { AuditQuery } from './auditSchemas';

/** How many entries a list under a custom `canAccess` reads from the store at a time. */
const BATCH_SIZE = 200;

/**
 * One page of the audit entries a user may read: under the default access rule those of their
 * tenant (or, without one, their own), filtered and paged in the store's query.
 *
 * @remarks A host's `canAccess` can't be a query: then the log is read newest first in
 * batches, `canAccess` asked about each entry (`type: 'audit'`, its actor as `created_by`),
 * until the page is full; the cursor is the store's own, so both paths page alike. A user who
 * may read few entries of a long log costs a long walk.
 */
export async function listAuditForUser(
  deps: Pick<ApiDependencies, 'access' | 'store'>,
  user: WorkflowUser,
  query: AuditQuery,
): Promise<AuditPage> {
  const { limit, cursor, ...filters } = query;
  const access = deps.access.listAccess(user);
  if (access) return deps.store.listAudit({ ...filters, access, limit, cursor });
  const items: StoredAuditEntry[] = [];
  let after = cursor;
  for (;;) {
    const batch = await deps.store.listAudit({ ...filters, limit: BATCH_SIZE, cursor: after });
    for (const entry of batch.items) {
      const reachable = await deps.access.canAccess(user, {
        type: 'audit',
        id: entry.audit_id,
        created_by: entry.actor_id,
        tenant_id: entry.tenant_id,
      });
      if (!reachable) continue;
      if (items.length === limit) {
        // One more reachable entry: the page is full and another follows.
        return { items, next_cursor: encodeAuditCursor(items.at(-1)!) };
      }
      items.push(entry);
    }
    if (batch.next_cursor === null) return { items, next_cursor: null };
    after = batch.next_cursor;
  }
}
