import { buildExecutionPlan } from '../graph/buildExecutionPlan';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { WorkflowInstance } from '../schema/workflowInstance';

/**
 * Execution plans by instance, so running an instance again skips validation and compilation.
 * An instance's workflow document never changes, so its id is a safe key; a change to the
 * registry (its revision) invalidates the plan. The oldest plans are dropped past `capacity`.
 */
export class PlanCache {
  private readonly plans = new Map<string, { revision: number; plan: ExecutionPlan }>();

  constructor(
    private readonly registry: ComponentRegistry,
    private readonly capacity = 256,
  ) {}

  /**
   * The plan of an instance, built on first use.
   *
   * @throws FlowloomError `INVALID_WORKFLOW` as {@link buildExecutionPlan} does.
   */
  planFor(instance: WorkflowInstance, limits?: WorkflowLimits): ExecutionPlan {
    const cached = this.plans.get(instance.instance_id);
    if (cached && cached.revision === this.registry.revision) return cached.plan;
    const plan = buildExecutionPlan(instance.workflow_data, this.registry, { limits });
    this.plans.delete(instance.instance_id);
    this.plans.set(instance.instance_id, { revision: this.registry.revision, plan });
    if (this.plans.size > this.capacity) this.plans.delete(this.plans.keys().next().value!);
    return plan;
  }
}
