import { type AuditEntry, decodeAuditCursor, type ListAuditOptions } from '@flowloom/core';
import { pageBounds } from './pageBounds';

/** The columns of an audit entry, in the order the stores write and read them. */
export const AUDIT_COLUMNS =
  'audit_id, at, actor_id, tenant_id, action, resource_type, resource_id, ip';

/** The fields of an audit entry other than its id, in {@link AUDIT_COLUMNS} order. */
export const AUDIT_FIELDS = [
  'at',
  'actor_id',
  'tenant_id',
  'action',
  'resource_type',
  'resource_id',
  'ip',
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** The entry's own fields, nothing else a caller's object may carry. */
export function auditFieldsOf(entry: AuditEntry): AuditEntry {
  return {
    at: entry.at,
    actor_id: entry.actor_id,
    tenant_id: entry.tenant_id,
    action: entry.action,
    resource_type: entry.resource_type,
    resource_id: entry.resource_id,
    ip: entry.ip,
  };
}

/** A list query's text and its values in bind order. */
export interface AuditQuery {
  text: string;
  values: Array<string | number>;
  /** The page size asked for: the query reads one row more, to tell whether another follows. */
  limit: number;
}

/**
 * The page query of `listAudit`, for SQLite and PostgreSQL alike: every filter a condition on
 * an indexed column, newest first by `at` then `audit_id`, one row more than the page. `bind`
 * records a value and returns its placeholder (`?`, `$n`); the text holds only fixed names.
 */
export function auditQuery(
  table: string,
  options: ListAuditOptions,
  bind: (value: string | number) => string,
): AuditQuery {
  const values: Array<string | number> = [];
  const value = (item: string | number) => {
    values.push(item);
    return bind(item);
  };
  const conditions: string[] = [];
  if (options.resource_id !== undefined) {
    conditions.push(`resource_id = ${value(options.resource_id)}`);
  }
  if (options.actor_id !== undefined) conditions.push(`actor_id = ${value(options.actor_id)}`);
  if (options.after !== undefined) conditions.push(`at > ${value(options.after)}`);
  if (options.before !== undefined) conditions.push(`at < ${value(options.before)}`);
  if (options.access) {
    const tenant = options.access.tenant_id ?? null;
    const user = options.access.user_id;
    // As the other lists' access rule: tenants decide when both have one, else the actor does.
    conditions.push(
      tenant === null
        ? `actor_id = ${value(user)}`
        : `(tenant_id = ${value(tenant)} OR (tenant_id IS NULL AND actor_id = ${value(user)}))`,
    );
  }
  if (options.cursor !== undefined) {
    const cursor = decodeAuditCursor(options.cursor);
    conditions.push(
      `(at < ${value(cursor.at)} OR (at = ${value(cursor.at)} AND audit_id < ${value(cursor.audit_id)}))`,
    );
  }
  const { limit } = pageBounds({ limit: options.limit });
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const text = `SELECT ${AUDIT_COLUMNS} FROM ${table} ${where}
    ORDER BY at DESC, audit_id DESC LIMIT ${value(limit + 1)}`;
  return { text, values, limit };
}
