import {
  ErrorCode,
  type SavedWorkflow,
  type StoredCredential,
  type WorkflowInstance,
} from '@flowloom/core';
import type { WorkflowAction, WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies } from './apiEnv';
import { httpError } from './errorResponse';

/**
 * An instance the user may act on.
 *
 * @throws FlowloomError `NOT_FOUND` (404) or `FORBIDDEN` (403).
 */
export async function loadOwnedInstance(
  deps: ApiDependencies,
  user: WorkflowUser,
  instanceId: string,
  action: WorkflowAction,
): Promise<WorkflowInstance> {
  const instance = await deps.store.getInstance(instanceId);
  return authorizeFound(deps, user, action, 'instance', instanceId, instance);
}

/**
 * A saved workflow the user may act on.
 *
 * @throws FlowloomError `NOT_FOUND` (404) or `FORBIDDEN` (403).
 */
export async function loadOwnedWorkflow(
  deps: ApiDependencies,
  user: WorkflowUser,
  workflowId: string,
  action: WorkflowAction,
): Promise<SavedWorkflow> {
  const workflow = await deps.store.loadWorkflow(workflowId);
  return authorizeFound(deps, user, action, 'workflow', workflowId, workflow);
}

/**
 * A saved workflow the user may read, at `version` (its latest when absent). Access is decided
 * by the workflow as it stands.
 *
 * @throws FlowloomError `NOT_FOUND` (404) for an unknown workflow or version, `FORBIDDEN` (403).
 */
export async function loadOwnedWorkflowAt(
  deps: ApiDependencies,
  user: WorkflowUser,
  workflowId: string,
  version: number | undefined,
): Promise<SavedWorkflow> {
  const latest = await loadOwnedWorkflow(deps, user, workflowId, 'workflows:read');
  if (version === undefined || version === latest.version) return latest;
  const saved = await deps.store.loadWorkflowVersion(latest.workflow_id, version);
  if (!saved) {
    throw httpError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" has no version ${version}`);
  }
  return saved;
}

/**
 * A credential the user may act on, ciphertext included (for the routes, never for answers).
 *
 * @throws FlowloomError `NOT_FOUND` (404) or `FORBIDDEN` (403).
 */
export async function loadOwnedCredential(
  deps: ApiDependencies,
  user: WorkflowUser,
  credentialId: string,
  action: WorkflowAction,
): Promise<StoredCredential> {
  const credential = await deps.store.getCredential(credentialId);
  return authorizeFound(deps, user, action, 'credential', credentialId, credential);
}

/** How a missing record of each type is named in its 404. */
const RECORD_NAMES = { instance: 'Instance', workflow: 'Workflow', credential: 'Credential' };

/**
 * The record a route loaded, once the user may act on it: its owner decides.
 *
 * @throws FlowloomError `NOT_FOUND` (404) when it was not found, `FORBIDDEN` (403).
 */
async function authorizeFound<T extends { created_by: string | null; tenant_id?: string | null }>(
  deps: ApiDependencies,
  user: WorkflowUser,
  action: WorkflowAction,
  type: keyof typeof RECORD_NAMES,
  id: string,
  record: T | null,
): Promise<T> {
  if (!record) throw httpError(ErrorCode.NOT_FOUND, `${RECORD_NAMES[type]} "${id}" does not exist`);
  await deps.access.authorize(user, action, {
    type,
    id,
    created_by: record.created_by,
    tenant_id: record.tenant_id,
  });
  return record;
}
