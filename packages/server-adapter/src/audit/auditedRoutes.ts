import type { RouteName } from '../http/routeNames';

/** What an audited route's entry says, and where the id of the record it touched is read. */
export interface AuditedRoute {
  /** The entry's `action`. */
  action: string;
  resource_type: 'workflow' | 'instance' | 'credential';
  /** The record's id: a path parameter, or a field of the JSON answer (a record just made). */
  id: { param: string } | { answer: string };
}

/**
 * The routes that change what runs or who may run it, each recorded in the audit log once it
 * answers with success: saves and imports, activation and deactivation, deletes, executes,
 * stops, retries, resumes and credential changes. Reads are not recorded.
 */
export const AUDITED_ROUTES: Partial<Record<RouteName, AuditedRoute>> = {
  save: { action: 'workflows:save', resource_type: 'workflow', id: { answer: 'workflow_id' } },
  importWorkflow: {
    action: 'workflows:import',
    resource_type: 'workflow',
    id: { answer: 'workflow_id' },
  },
  activateWorkflow: {
    action: 'workflows:activate',
    resource_type: 'workflow',
    id: { param: 'workflow_id' },
  },
  deactivateWorkflow: {
    action: 'workflows:deactivate',
    resource_type: 'workflow',
    id: { param: 'workflow_id' },
  },
  deleteWorkflow: {
    action: 'workflows:delete',
    resource_type: 'workflow',
    id: { param: 'workflow_id' },
  },
  execute: { action: 'instances:execute', resource_type: 'instance', id: { param: 'instance_id' } },
  retry: { action: 'instances:retry', resource_type: 'instance', id: { param: 'instance_id' } },
  stop: { action: 'instances:stop', resource_type: 'instance', id: { param: 'instance_id' } },
  resume: { action: 'instances:resume', resource_type: 'instance', id: { param: 'instance_id' } },
  deleteInstance: {
    action: 'instances:delete',
    resource_type: 'instance',
    id: { param: 'instance_id' },
  },
  createCredential: {
    action: 'credentials:create',
    resource_type: 'credential',
    id: { answer: 'credential_id' },
  },
  updateCredential: {
    action: 'credentials:update',
    resource_type: 'credential',
    id: { param: 'credential_id' },
  },
  deleteCredential: {
    action: 'credentials:delete',
    resource_type: 'credential',
    id: { param: 'credential_id' },
  },
};
