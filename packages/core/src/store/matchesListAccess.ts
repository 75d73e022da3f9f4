import type { ListAccess } from './WorkflowStore';

/**
 * Whether a record is in a list filtered by {@link ListAccess}: the user created it, or it
 * belongs to the user's tenant. The in-memory form of the SQL stores' condition.
 */
export function matchesListAccess(
  record: { created_by: string | null; tenant_id: string | null },
  access: ListAccess | undefined,
): boolean {
  if (access === undefined) return true;
  if (record.created_by === access.user_id) return true;
  const tenant = access.tenant_id;
  return tenant !== undefined && tenant !== null && record.tenant_id === tenant;
}
