import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { CreateInstanceOptions } from '../executor/createWorkflowInstance';
import type { ExecuteOptions, StartedRun } from '../executor/engineOptions';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { CreateInstanceInput, WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { triggerTypeOf } from './triggerTypeOf';

/** What {@link triggerWorkflow} needs of the engine. */
export interface TriggerHost {
  readonly store: WorkflowStore;
  readonly registry: ComponentRegistry;
  /** The engine's `createInstance`: a version it planned before is not validated again. */
  createInstance(
    input: CreateInstanceInput,
    options: CreateInstanceOptions,
  ): Promise<WorkflowInstance>;
  startWorkflow(
    instanceId: string,
    input: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<StartedRun>;
}

/**
 * `engine.trigger`: starts a run of an active workflow's active version from one of its trigger
 * steps, as a new instance owned by the workflow's owner and recording the trigger. The run
 * starts at that trigger only (`startAt`): the other triggers are skipped, and so is what only
 * they lead to. The version's plan is cached, so a trigger firing again neither validates nor
 * plans the workflow.
 *
 * @throws FlowloomError `NOT_FOUND` for an unknown workflow or step, `WORKFLOW_INACTIVE` for an
 * inactive workflow, `VALIDATION_FAILED` for a step that is not a trigger or an input that is
 * not an object, `INVALID_WORKFLOW` when the active version no longer validates, and what
 * `startWorkflow` throws (`TOO_MANY_RUNS`, `SHUTTING_DOWN`). A run refused at the start leaves
 * no instance behind.
 */
export async function triggerWorkflow(
  host: TriggerHost,
  workflowId: string,
  stepId: string,
  runInput: Record<string, unknown>,
): Promise<StartedRun> {
  const saved = await activeVersionOf(host.store, workflowId);
  const node = saved.workflow_data.nodes.find((candidate) => candidate.id === stepId);
  if (!node) {
    throw new FlowloomError(
      ErrorCode.NOT_FOUND,
      `Workflow "${workflowId}" (version ${saved.version}) has no step "${stepId}"`,
    );
  }
  if (!host.registry.hasComponent(node.type) || !host.registry.resolve(node.type).isTrigger) {
    const message = `Step "${stepId}" is a "${node.type}" step, not a trigger`;
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, message, {
      issues: [{ path: 'step_id', message }],
    });
  }
  const instance = await host.createInstance(
    {
      name: saved.name,
      workflow_id: saved.workflow_id,
      version: saved.version,
      created_by: saved.created_by,
      tenant_id: saved.tenant_id,
      trigger: { type: triggerTypeOf(node.type), step_id: stepId },
    },
    { saved },
  );
  try {
    return await host.startWorkflow(instance.instance_id, runInput, { startAt: stepId });
  } catch (error) {
    // Refused before it began (a full or closing engine, a bad input): nothing ran, so no
    // pending instance is left to clutter the owner's list.
    await host.store
      .deleteInstance(instance.instance_id, { statuses: ['pending'] })
      .catch(() => undefined);
    throw error;
  }
}

/** The saved version an active workflow's triggers run. */
async function activeVersionOf(store: WorkflowStore, workflowId: string): Promise<SavedWorkflow> {
  const activation = await store.getActivation(workflowId);
  if (!activation) {
    if (await store.loadWorkflow(workflowId)) {
      throw new FlowloomError(
        ErrorCode.WORKFLOW_INACTIVE,
        `Workflow "${workflowId}" is not active: activate it to let its triggers start runs`,
      );
    }
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
  }
  const saved = await store.loadWorkflowVersion(workflowId, activation.active_version);
  if (!saved) {
    throw new FlowloomError(
      ErrorCode.NOT_FOUND,
      `Workflow "${workflowId}" has no version ${activation.active_version}`,
    );
  }
  return saved;
}
