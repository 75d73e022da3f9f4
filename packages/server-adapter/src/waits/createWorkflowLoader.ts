import {
  ErrorCode,
  FlowloomError,
  type RunOwner,
  type WorkflowSource,
  type WorkflowStore,
} from '@flowloom/core';
import type { AccessResource, AuthorizeHook, CanAccessHook } from '../auth/authTypes';
import { runOwnerCanAccess } from '../auth/defaultCanAccess';

/** Options of {@link createWorkflowLoader}. */
export interface WorkflowLoaderOptions {
  store: WorkflowStore;
  /** The host's access rule, as given to `createWorkflowServer`; the default rule otherwise. */
  canAccess?: CanAccessHook;
  /** The host's `authorize` hook, asked `workflows:read` for the run's owner. */
  authorize?: AuthorizeHook;
}

/**
 * The engine's {@link WorkflowSource} on a server: the saved workflows `sub_workflow` and
 * `for_each` steps run, each only when the run's owner may read it (the access rule of the
 * API, then `authorize`), so a run can't reach another user's workflow by its id.
 *
 * @remarks `createWorkflowServer` gives it to the engine it creates. A host that builds its own
 * `ExecutionEngine` must pass it as `workflows`, with the same `canAccess` and `authorize` as
 * the server: the engine's default source loads any saved workflow, whoever owns it.
 * @example
 * const engine = new ExecutionEngine({
 *   store,
 *   registry,
 *   workflows: createWorkflowLoader({ store, canAccess, authorize }),
 * });
 * const server = createWorkflowServer({ engine, canAccess, authorize });
 */
export function createWorkflowLoader(options: WorkflowLoaderOptions): WorkflowSource {
  const userOf = (owner: RunOwner) => ({
    id: owner.created_by ?? '',
    ...(owner.tenant_id === null ? {} : { tenant_id: owner.tenant_id }),
  });
  return {
    async load(workflowId, owner) {
      const workflow = await options.store.loadWorkflow(workflowId);
      if (!workflow) return null;
      const resource: AccessResource = {
        type: 'workflow',
        id: workflowId,
        created_by: workflow.created_by,
        tenant_id: workflow.tenant_id,
      };
      const reachable =
        options.canAccess && owner.created_by !== null
          ? (await options.canAccess(userOf(owner), resource)) === true
          : runOwnerCanAccess(owner, resource);
      const allowed =
        reachable &&
        (!options.authorize ||
          owner.created_by === null ||
          (await options.authorize(userOf(owner), 'workflows:read', resource)));
      if (!allowed) {
        throw new FlowloomError(
          ErrorCode.FORBIDDEN,
          `This run may not run workflow "${workflowId}": it belongs to another user`,
        );
      }
      return workflow;
    },
  };
}
