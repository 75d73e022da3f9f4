import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { toErrorIssues } from '../errors/zodIssues';
import { type PlannedWorkflow, planWorkflow } from '../graph/buildExecutionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import {
  type CreateInstanceInput,
  CreateInstanceInputSchema,
  type WorkflowInstance,
} from '../schema/workflowInstance';
import { createId } from '../store/createId';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { PlanCache } from './PlanCache';

/** What {@link createWorkflowInstance} works with. */
export interface InstanceFactory {
  store: WorkflowStore;
  registry: ComponentRegistry;
  limits: WorkflowLimits;
  /** Where the plan made from the validation is kept for the instance's runs. */
  plans: PlanCache;
}

/** For the engine's own instances (sub-workflows): a given id, a workflow already loaded. */
export interface CreateInstanceOptions {
  instance_id?: string;
  /** The saved workflow to run, read by the caller (with its access rule). */
  saved?: SavedWorkflow;
  /** The root run of the tree a sub-workflow joins; the new instance's own id when absent. */
  root_instance_id?: string;
}

/**
 * Validates and stores a new instance of a workflow document, or of a saved workflow: its
 * latest version, or `version`; the instance records which as `workflow_version`. The plan is
 * compiled from that one validation and cached; a saved version that was planned before is
 * neither validated nor planned again (its document is shared, already parsed and frozen).
 *
 * @throws FlowloomError `VALIDATION_FAILED` for a bad input, `NOT_FOUND` for an unknown
 * `workflow_id` or `version`, `INVALID_WORKFLOW` (with every problem in `issues`).
 */
export async function createWorkflowInstance(
  factory: InstanceFactory,
  input: CreateInstanceInput,
  options: CreateInstanceOptions = {},
): Promise<WorkflowInstance> {
  const parsed = CreateInstanceInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Invalid instance input', {
      issues: toErrorIssues(parsed.error),
    });
  }
  const { name, workflow_id, created_by, tenant_id, version } = parsed.data;
  let workflowData = parsed.data.workflow_data;
  let workflowVersion: number | null = null;
  let planned: PlannedWorkflow | undefined;
  let savedVersion: { workflowId: string; version: number } | undefined;
  if (version !== undefined && (workflowData !== undefined || !workflow_id)) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      'A version runs a saved workflow: give workflow_id without workflow_data',
      { issues: [{ path: 'version', message: 'Needs workflow_id and no workflow_data' }] },
    );
  }
  if (workflowData === undefined) {
    if (!workflow_id) {
      throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Give workflow_data or a workflow_id', {
        issues: [{ path: 'workflow_data', message: 'Required when no workflow_id is given' }],
      });
    }
    const saved =
      options.saved ??
      (version === undefined
        ? await factory.store.loadWorkflow(workflow_id)
        : await factory.store.loadWorkflowVersion(workflow_id, version));
    if (!saved) {
      throw new FlowloomError(
        ErrorCode.NOT_FOUND,
        version === undefined
          ? `Workflow "${workflow_id}" does not exist`
          : `Workflow "${workflow_id}" has no version ${version}`,
      );
    }
    workflowData = saved.workflow_data;
    workflowVersion = saved.version;
    savedVersion = { workflowId: saved.workflow_id, version: saved.version };
    planned = factory.plans.forVersion(saved.workflow_id, saved.version);
  }
  if (!planned) {
    planned = planWorkflow(
      workflowData,
      factory.registry,
      { limits: factory.limits },
      'workflow_data',
    );
    if (savedVersion) {
      factory.plans.rememberVersion(savedVersion.workflowId, savedVersion.version, planned);
    }
  }
  const now = new Date().toISOString();
  const instanceId = options.instance_id ?? createId('inst');
  const instance = await factory.store.createInstance({
    instance_id: instanceId,
    workflow_id: workflow_id ?? null,
    name,
    status: 'pending',
    workflow_data: planned.document,
    input_data: null,
    created_by: created_by ?? null,
    tenant_id: tenant_id ?? null,
    created_at: now,
    updated_at: now,
    started_at: null,
    finished_at: null,
    error: null,
    workflow_version: workflowVersion,
    trigger: parsed.data.trigger ?? null,
    parent_instance_id: parsed.data.parent_instance_id ?? null,
    parent_step_id: parsed.data.parent_step_id ?? null,
    root_instance_id: options.root_instance_id ?? instanceId,
    progress: null,
  });
  if (workflowVersion === null) factory.plans.rememberInstance(instance.instance_id, planned.plan);
  return instance;
}
