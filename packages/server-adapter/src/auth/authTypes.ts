/** The caller, as `authenticate` returns it. Only `id` is required; the rest is the host's. */
export interface WorkflowUser {
  /** Stable id; recorded as `created_by` on what the user creates. */
  id: string;
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
  | 'instances:subscribe'
  | 'workflows:save'
  | 'workflows:read'
  | 'workflows:list';

/** What an action is done to. */
export type WorkflowResource =
  | { type: 'component'; id?: string }
  | { type: 'instance'; id?: string; created_by?: string | null }
  | { type: 'workflow'; id?: string; created_by?: string | null };

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
