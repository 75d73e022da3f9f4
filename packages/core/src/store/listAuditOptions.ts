import type { ListAccess } from './WorkflowStore';

/**
 * Filters and paging of `listAudit`: newest first (`at`, then `audit_id`), by `cursor`. Every
 * filter is applied in the query.
 */
export interface ListAuditOptions {
  /** Only entries about this record. */
  resource_id?: string;
  /** Only entries of this actor. */
  actor_id?: string;
  /** Only entries after this ISO time (exclusive). */
  after?: string;
  /** Only entries before this ISO time (exclusive). */
  before?: string;
  /**
   * Only entries this user may read under the default access rule: those of their tenant, or,
   * for entries (or a user) without a tenant, their own (`actor_id`).
   */
  access?: ListAccess;
  /** The page after this cursor (a `next_cursor` of an earlier page). */
  cursor?: string;
  /** @default 50 */
  limit?: number;
}
