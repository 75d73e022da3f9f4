import type { RouteName } from '../http/routeNames';

/** What an audited route's entry says, and where the id of the record it touched is read. */
export interface AuditedRoute {
  /** The entry's `action`. */
  action: string;
  resource_type: 'workflow' | 'instance' | 'credential';
  /** The record's id: a path parameter, or a field of the JSON answer (a record just made). */
  id: { param: string } | { answer: string };
}

type ResourceType = AuditedRoute['resource_type'];

/**
 * The audited routes by the type of record they touch: the route, its entry's `action`, and
 * whether the record's id (`<type>_id`) is a path parameter or a field of the answer.
 */
const ROUTES_BY_RESOURCE: Record<
  ResourceType,
  ReadonlyArray<readonly [RouteName, action: string, id: 'param' | 'answer']>
> = {
  workflow: [
    ['save', 'workflows:save', 'answer'],
    ['importWorkflow', 'workflows:import', 'answer'],
    ['activateWorkflow', 'workflows:activate', 'param'],
    ['deactivateWorkflow', 'workflows:deactivate', 'param'],
    ['deleteWorkflow', 'workflows:delete', 'param'],
  ],
  instance: [
    ['execute', 'instances:execute', 'param'],
    ['retry', 'instances:retry', 'param'],
    ['stop', 'instances:stop', 'param'],
    ['resume', 'instances:resume', 'param'],
    ['deleteInstance', 'instances:delete', 'param'],
  ],
  credential: [
    ['createCredential', 'credentials:create', 'answer'],
    ['updateCredential', 'credentials:update', 'param'],
    ['deleteCredential', 'credentials:delete', 'param'],
  ],
};

/**
 * The routes that change what runs or who may run it, each recorded in the audit log once it
 * answers with success: saves and imports, activation and deactivation, deletes, executes,
 * stops, retries, resumes and credential changes. Reads are not recorded.
 */
export const AUDITED_ROUTES: Partial<Record<RouteName, AuditedRoute>> = Object.fromEntries(
  (Object.keys(ROUTES_BY_RESOURCE) as ResourceType[]).flatMap((resource_type) =>
    ROUTES_BY_RESOURCE[resource_type].map(([route, action, from]) => {
      const field = `${resource_type}_id`;
      const id = from === 'param' ? { param: field } : { answer: field };
      return [route, { action, resource_type, id }] as const;
    }),
  ),
);
