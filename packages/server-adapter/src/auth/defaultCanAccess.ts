import type { RunOwner } from '@flowloom/core';
import type { AccessResource, WorkflowUser } from './authTypes';
import { tenantOf } from './tenantOf';

/**
 * The default access rule: when both the user and the record have a tenant, the tenants decide
 * (equal: reachable; different: not, whoever created it, since many products make user ids
 * unique only within a tenant); otherwise only the record's creator reaches it. A record without
 * an owner (no `created_by`, no `tenant_id`, e.g. made straight through the engine) is reachable
 * and left to `authorize`.
 */
export function defaultCanAccess(user: WorkflowUser, resource: AccessResource): boolean {
  return runOwnerCanAccess({ created_by: user.id, tenant_id: tenantOf(user) }, resource);
}

/**
 * {@link defaultCanAccess} for a run's owner, who may have no user id (an instance created
 * without `created_by`): then only records of its tenant, and records without an owner.
 */
export function runOwnerCanAccess(owner: RunOwner, resource: AccessResource): boolean {
  if (resource.created_by === null && resource.tenant_id === null) return true;
  if (owner.tenant_id !== null && resource.tenant_id !== null) {
    return resource.tenant_id === owner.tenant_id;
  }
  return owner.created_by !== null && resource.created_by === owner.created_by;
}
