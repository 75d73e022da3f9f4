import type { ListAccess } from './WorkflowStore';

/**
 * Whether a record is in a list filtered by {@link ListAccess}: it belongs to the user's tenant,
 * or, when the user or the record has no tenant, the user created it. The in-memory form of the
 * SQL stores' condition.
 */
export function matchesListAccess(
  record: { created_by: string | null; tenant_id: string | null },
  access: ListAccess | undefined,
): boolean {
  if (access === undefined) return true;
  const tenant = access.tenant_id ?? null;
  if (tenant !== null && record.tenant_id !== null) return record.tenant_id === tenant;
  return record.created_by === access.user_id;
}
