import type { WorkflowUser } from './authTypes';

/** A user's tenant, or `null` when they have none (absent, not a string, or empty). */
export function tenantOf(user: WorkflowUser): string | null {
  const tenant = user.tenant_id;
  return typeof tenant === 'string' && tenant !== '' ? tenant : null;
}
