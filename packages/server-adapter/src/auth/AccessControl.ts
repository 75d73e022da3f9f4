import { ErrorCode } from '@flowloom/core';
import { httpError } from '../http/errorResponse';
import {
  ANONYMOUS_USER,
  type AuthenticateHook,
  type AuthorizeHook,
  type WorkflowAction,
  type WorkflowResource,
  type WorkflowUser,
} from './authTypes';

/**
 * Who the caller is and what they may do: the host's `authenticate` and `authorize` hooks, plus
 * the rule that one user never reaches another's instances or workflows.
 */
export class AccessControl {
  constructor(
    private readonly authenticateHook: AuthenticateHook | undefined,
    private readonly authorizeHook: AuthorizeHook | undefined,
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

  /**
   * Checks that a user may do an action to a resource: it must be theirs when it records an
   * owner (a record made without one, e.g. straight through the engine, belongs to no one and
   * is left to the `authorize` hook), and the host's `authorize` hook must agree.
   *
   * @throws FlowloomError `FORBIDDEN`.
   */
  async authorize(
    user: WorkflowUser,
    action: WorkflowAction,
    resource: WorkflowResource,
  ): Promise<void> {
    if (
      'created_by' in resource &&
      resource.created_by !== undefined &&
      resource.created_by !== null &&
      resource.created_by !== user.id
    ) {
      throw httpError(ErrorCode.FORBIDDEN, `This ${resource.type} belongs to another user`);
    }
    if (this.authorizeHook && !(await this.authorizeHook(user, action, resource))) {
      throw httpError(ErrorCode.FORBIDDEN, `Not allowed: ${action}`);
    }
  }
}
