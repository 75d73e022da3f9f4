import type { RunOwner } from '@flowloom/core';
import type { AccessResource, WorkflowUser } from './authTypes';
import { tenantOf } from './tenantOf';

/**
 * The default access rule: a user reaches a record of their own tenant (both have one and they
 * are equal), else only one they created. A record without an owner (no `created_by`, no
 * `tenant_id`, e.g. made straight through the engine) is reachable and left to `authorize`.
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
  if (owner.tenant_id !== null && resource.tenant_id === owner.tenant_id) return true;
  return owner.created_by !== null && resource.created_by === owner.created_by;
}
