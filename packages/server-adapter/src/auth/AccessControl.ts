import { ErrorCode, type ListAccess } from '@flowloom/core';
import { httpError } from '../http/errorResponse';
import {
  type AccessResource,
  ANONYMOUS_USER,
  type AuthenticateHook,
  type AuthorizeHook,
  type CanAccessHook,
  type WorkflowAction,
  type WorkflowResource,
  type WorkflowUser,
} from './authTypes';
import { defaultCanAccess } from './defaultCanAccess';
import { tenantOf } from './tenantOf';

/**
 * Who the caller is and what they may do: the host's `authenticate` and `authorize` hooks, plus
 * the access rule that keeps users to their own records and their tenant's (or the host's
 * `canAccess` in its place).
 */
export class AccessControl {
  constructor(
    private readonly authenticateHook: AuthenticateHook | undefined,
    private readonly authorizeHook: AuthorizeHook | undefined,
    private readonly canAccessHook?: CanAccessHook | undefined,
  ) {}

  /** Whether requests run as one anonymous user (no `authenticate` hook). */
  get isOpen(): boolean {
    return this.authenticateHook === undefined;
  }

  /**
   * The caller of a request.
   *
   * @throws FlowloomError `UNAUTHENTICATED` when the hook returns nobody.
   */
  async authenticate(request: Request): Promise<WorkflowUser> {
    if (!this.authenticateHook) return ANONYMOUS_USER;
    const user = await this.authenticateHook(request);
    if (!user || typeof user.id !== 'string' || user.id === '') {
      throw httpError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    }
    return user;
  }

  /** Whether a user may reach a stored record at all: the host's `canAccess`, else the default rule. */
  async canAccess(user: WorkflowUser, resource: AccessResource): Promise<boolean> {
    if (this.canAccessHook) return (await this.canAccessHook(user, resource)) === true;
    return defaultCanAccess(user, resource);
  }

  /**
   * The default rule as a store's list filter, or `undefined` when the host's `canAccess`
   * replaces it: a list must then be filtered record by record.
   */
  listAccess(user: WorkflowUser): ListAccess | undefined {
    if (this.canAccessHook) return undefined;
    return { user_id: user.id, tenant_id: tenantOf(user) };
  }

  /**
   * Checks that a user may do an action to a resource: a stored record must be one they may
   * reach ({@link AccessControl.canAccess}), and the host's `authorize` hook must agree.
   *
   * @throws FlowloomError `FORBIDDEN`.
   */
  async authorize(
    user: WorkflowUser,
    action: WorkflowAction,
    resource: WorkflowResource,
  ): Promise<void> {
    // A resource read from the store carries its owner (null included); one about to be
    // created or listed carries none and is left to the authorize hook.
    if ('created_by' in resource && resource.created_by !== undefined) {
      const record: AccessResource = {
        type: resource.type,
        id: resource.id ?? '',
        created_by: resource.created_by,
        tenant_id: resource.tenant_id ?? null,
      };
      if (!(await this.canAccess(user, record))) {
        throw httpError(ErrorCode.FORBIDDEN, `This ${resource.type} belongs to another user`);
      }
    }
    if (this.authorizeHook && !(await this.authorizeHook(user, action, resource))) {
      throw httpError(ErrorCode.FORBIDDEN, `Not allowed: ${action}`);
    }
  }
}
