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
  if (!instance) throw httpError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
  await deps.access.authorize(user, action, {
    type: 'instance',
    id: instanceId,
    created_by: instance.created_by,
    tenant_id: instance.tenant_id,
  });
  return instance;
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
  if (!workflow) throw httpError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
  await deps.access.authorize(user, action, {
    type: 'workflow',
    id: workflowId,
    created_by: workflow.created_by,
    tenant_id: workflow.tenant_id,
  });
  return workflow;
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
  if (!credential) {
    throw httpError(ErrorCode.NOT_FOUND, `Credential "${credentialId}" does not exist`);
  }
  await deps.access.authorize(user, action, {
    type: 'credential',
    id: credentialId,
    created_by: credential.created_by,
    tenant_id: credential.tenant_id,
  });
  return credential;
}
