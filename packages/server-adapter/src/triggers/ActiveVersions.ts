import type {
  ComponentRegistry,
  SavedWorkflow,
  WorkflowLimits,
  WorkflowStore,
} from '@flowloom/core';
import { readTriggers, type WorkflowTriggerSet } from './readTriggers';

/** A saved version of a workflow with the triggers it arms. */
export interface VersionTriggers {
  workflow: SavedWorkflow;
  triggers: WorkflowTriggerSet;
}

/** How many versions are kept read: enough for every workflow a busy server's webhooks reach. */
const MAX_CACHED = 1000;

/**
 * Saved versions with their triggers read, by workflow and version. A saved version never
 * changes, so it is read from the store once and kept (the most recently used ones): a webhook
 * request then costs one store read, the activation.
 */
export class ActiveVersions {
  private readonly cache = new Map<string, VersionTriggers>();

  constructor(
    private readonly store: WorkflowStore,
    private readonly registry: ComponentRegistry,
    private readonly limits: Pick<WorkflowLimits, 'minScheduleIntervalMs'>,
  ) {}

  /** The active version of a workflow with its triggers; `undefined` when it is inactive. */
  async active(workflowId: string): Promise<VersionTriggers | undefined> {
    const activation = await this.store.getActivation(workflowId);
    return activation ? this.version(workflowId, activation.active_version) : undefined;
  }

  /** One saved version with its triggers; `undefined` when it does not exist. */
  async version(workflowId: string, version: number): Promise<VersionTriggers | undefined> {
    const key = `${workflowId}\n${version}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: the first entry is the one to drop.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const workflow = await this.store.loadWorkflowVersion(workflowId, version);
    if (!workflow) return undefined;
    return this.remember(key, {
      workflow,
      triggers: readTriggers(workflow.workflow_data, this.registry, this.limits),
    });
  }

  /** Keeps a version just saved, read, so arming it costs no store read. */
  add(workflow: SavedWorkflow, triggers: WorkflowTriggerSet): VersionTriggers {
    return this.remember(`${workflow.workflow_id}\n${workflow.version}`, { workflow, triggers });
  }

  private remember(key: string, entry: VersionTriggers): VersionTriggers {
    this.cache.set(key, entry);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}
