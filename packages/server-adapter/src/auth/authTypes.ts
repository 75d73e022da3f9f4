/** The caller, as `authenticate` returns it. Only `id` is required; the rest is the host's. */
export interface WorkflowUser {
  /** Stable id; recorded as `created_by` on what the user creates. */
  id: string;
  /**
   * The user's team: recorded as `tenant_id` on what they create, and under the default access
   * rule users of one tenant share their workflows, runs and credentials.
   */
  tenant_id?: string;
  [key: string]: unknown;
}

/** What a caller may try to do. */
export type WorkflowAction =
  | 'components:read'
  | 'instances:create'
  | 'instances:list'
  | 'instances:read'
  | 'instances:execute'
  | 'instances:stop'
  | 'instances:resume'
  | 'instances:subscribe'
  | 'instances:delete'
  | 'workflows:save'
  | 'workflows:read'
  | 'workflows:list'
  | 'workflows:delete'
  | 'workflows:activate'
  | 'workflows:deactivate'
  | 'credentials:create'
  | 'credentials:list'
  | 'credentials:read'
  | 'credentials:update'
  | 'credentials:delete'
  | 'metrics:read'
  | 'audit:read';

/** What an action is done to: a record carries its owner and tenant once it is read. */
export type WorkflowResource =
  | { type: 'component'; id?: string }
  /** The Prometheus metrics (`GET /metrics`). */
  | { type: 'metrics' }
  /** The audit log (`GET /audit`): which entries a user reads is `canAccess`'s, per entry. */
  | { type: 'audit' }
  | {
      type: 'instance' | 'workflow' | 'credential';
      id?: string;
      created_by?: string | null;
      tenant_id?: string | null;
    };

/** A stored record, as the access rule sees it. */
export interface AccessResource {
  /** An `audit` entry's owner is its actor (`created_by`) and the actor's tenant. */
  type: 'instance' | 'workflow' | 'credential' | 'audit';
  id: string;
  /** Who created it; `null` for a record made without an owner (e.g. straight through the engine). */
  created_by: string | null;
  /** The team it belongs to, if any. */
  tenant_id: string | null;
}

/**
 * Decides whether a user may reach a record at all, replacing the default rule (their own
 * records and their tenant's). `authorize` still runs after it and can only refuse.
 */
export type CanAccessHook = (
  user: WorkflowUser,
  resource: AccessResource,
) => boolean | Promise<boolean>;

/** Decides who the caller is from the request; `null` (or undefined) means not signed in (401). */
export type AuthenticateHook = (
  request: Request,
) => WorkflowUser | null | undefined | Promise<WorkflowUser | null | undefined>;

/** Decides whether a user may do an action to a resource; `false` answers 403. */
export type AuthorizeHook = (
  user: WorkflowUser,
  action: WorkflowAction,
  resource: WorkflowResource,
) => boolean | Promise<boolean>;

/** The user every request runs as when no `authenticate` hook is given. */
export const ANONYMOUS_USER: WorkflowUser = Object.freeze({ id: 'anonymous' });
