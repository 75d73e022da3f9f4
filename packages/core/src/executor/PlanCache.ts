import {
  buildExecutionPlan,
  type PlannedWorkflow,
  planWorkflow,
} from '../graph/buildExecutionPlan';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { WorkflowInstance } from '../schema/workflowInstance';

/**
 * A saved workflow version's plan and its parsed, frozen document (defaults applied), shared by
 * every instance of the version.
 */
export type VersionPlan = PlannedWorkflow;

interface Entry<T> {
  readonly revision: number;
  readonly value: T;
  readonly steps: number;
}

/**
 * Execution plans, so that validation and compilation happen once per workflow version (or per
 * instance made from a document), not once per run.
 *
 * - By version: an instance of a saved workflow (`workflow_id` + `workflow_version`) runs the
 *   version's plan, so `createInstance({ workflow_id })`, triggered runs and sub-workflows skip
 *   validation and planning once the version was planned. Saved versions never change and
 *   workflow ids are never reused, so `(workflow_id, version)` names one document for good.
 * - By instance: an instance made from a document has its own plan, seeded when it is created
 *   (from the validation `createInstance` did) or built on its first run.
 *
 * A change to the registry (its revision) invalidates every plan. Each map drops its oldest
 * entries past its bounds, in entries and in steps (a plan is a couple of hundred bytes per
 * step): a run of an instance whose plan was dropped only builds it again.
 */
export class PlanCache {
  private readonly byInstance = new Map<string, Entry<ExecutionPlan>>();
  private readonly byVersion = new Map<string, Entry<VersionPlan>>();
  private instanceSteps = 0;
  private versionSteps = 0;

  constructor(private readonly registry: ComponentRegistry) {}

  /**
   * The plan of an instance: its version's, its own, or one built now.
   *
   * @throws FlowloomError `INVALID_WORKFLOW` as {@link buildExecutionPlan} does.
   */
  planFor(instance: WorkflowInstance, limits?: WorkflowLimits): ExecutionPlan {
    const { workflow_id, workflow_version } = instance;
    if (workflow_id && workflow_version) {
      const cached = this.forVersion(workflow_id, workflow_version);
      if (cached) return cached.plan;
      const planned = planWorkflow(instance.workflow_data, this.registry, { limits });
      this.rememberVersion(workflow_id, workflow_version, planned);
      return planned.plan;
    }
    const cached = this.byInstance.get(instance.instance_id);
    if (cached && cached.revision === this.registry.revision) return cached.value;
    const plan = buildExecutionPlan(instance.workflow_data, this.registry, { limits });
    this.rememberInstance(instance.instance_id, plan);
    return plan;
  }

  /** Keeps the plan an instance was created with, for its runs. */
  rememberInstance(instanceId: string, plan: ExecutionPlan): void {
    this.instanceSteps = this.put(
      this.byInstance,
      instanceId,
      plan,
      this.instanceSteps,
      BY_INSTANCE,
    );
  }

  /** A saved version's plan and document, when it was planned with the current registry. */
  forVersion(workflowId: string, version: number): VersionPlan | undefined {
    const cached = this.byVersion.get(versionKey(workflowId, version));
    return cached && cached.revision === this.registry.revision ? cached.value : undefined;
  }

  /** Keeps a saved version's plan and document for every instance of that version. */
  rememberVersion(workflowId: string, version: number, entry: VersionPlan): void {
    const key = versionKey(workflowId, version);
    this.versionSteps = this.put(this.byVersion, key, entry, this.versionSteps, BY_VERSION);
  }

  /** Stores an entry as the newest, evicting the oldest past the bounds; returns the steps held. */
  private put<T extends ExecutionPlan | PlannedWorkflow>(
    map: Map<string, Entry<T>>,
    key: string,
    value: T,
    held: number,
    bounds: Bounds,
  ): number {
    let total = held;
    const previous = map.get(key);
    if (previous) {
      map.delete(key);
      total -= previous.steps;
    }
    const steps = 'plan' in value ? value.plan.steps.length : value.steps.length;
    map.set(key, { revision: this.registry.revision, value, steps });
    total += steps;
    for (const [oldest, entry] of map) {
      if ((total <= bounds.steps && map.size <= bounds.entries) || oldest === key) break;
      map.delete(oldest);
      total -= entry.steps;
    }
    return total;
  }
}

interface Bounds {
  readonly steps: number;
  readonly entries: number;
}

/**
 * An instance made from a document usually runs right after it is created, and rarely again:
 * the plans of the last few are kept (each kept longer would cost its finished run some 200
 * bytes per step of memory, and the garbage collector its marking).
 */
const BY_INSTANCE: Bounds = { steps: 20_000, entries: 8 };
/** A saved version runs again and again (triggers, sub-workflows): more are kept. */
const BY_VERSION: Bounds = { steps: 200_000, entries: 256 };

function versionKey(workflowId: string, version: number): string {
  return `${version}:${workflowId}`;
}
