import type { ListAccess } from '@flowloom/core';

/** Filters of a list query; `null` for `created_by` means "created by nobody". */
export interface ListFilters {
  created_by?: string | null | undefined;
  access?: ListAccess | undefined;
  status?: string | undefined;
  type?: string | undefined;
}

/**
 * The `WHERE` clause of a filtered list, for SQLite and PostgreSQL alike. Every value goes
 * through `bind`, which records it and returns its placeholder (`?` or `$n`), so the text
 * holds only fixed column names.
 *
 * @remarks `access` is the default access rule as a condition, "of the user's tenant, or created
 * by the user when the record has no tenant": indexes on `created_by` and `(tenant_id, <order
 * column>)` serve both sides.
 */
export function listWhereClause(filters: ListFilters, bind: (value: string) => string): string {
  const conditions = listConditions(filters, bind);
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** The conditions of {@link listWhereClause}, to be joined with `AND` (and others added). */
export function listConditions(filters: ListFilters, bind: (value: string) => string): string[] {
  const conditions: string[] = [];
  // `created_by = NULL` matches nothing, so "created by nobody" is its own condition.
  if (filters.created_by === null) conditions.push('created_by IS NULL');
  else if (filters.created_by !== undefined) {
    conditions.push(`created_by = ${bind(filters.created_by)}`);
  }
  if (filters.access) {
    const tenant = filters.access.tenant_id;
    if (tenant === undefined || tenant === null) {
      conditions.push(`created_by = ${bind(filters.access.user_id)}`);
    } else {
      // Tenants decide when both have one; a record without a tenant goes by its creator.
      conditions.push(
        `(tenant_id = ${bind(tenant)} OR (tenant_id IS NULL AND created_by = ${bind(filters.access.user_id)}))`,
      );
    }
  }
  if (filters.status !== undefined) conditions.push(`status = ${bind(filters.status)}`);
  if (filters.type !== undefined) conditions.push(`type = ${bind(filters.type)}`);
  return conditions;
}
