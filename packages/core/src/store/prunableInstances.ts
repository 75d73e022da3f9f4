import { isFinalInstanceStatus } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { isAfterCursor } from './instanceCursor';
import type { PruneInstancesOptions } from './WorkflowStore';

/**
 * The ids of the finished runs `pruneInstances` deletes, at most `options.limit`: those that
 * finished before `finishedBefore`, and those of a saved workflow beyond its newest
 * `keepPerWorkflow` finished runs (newest by `created_at`, then `instance_id`); only runs of
 * `workflowId` when given. A run whose parent run is stored and not finished is never one.
 */
export function prunableInstances(
  instances: Iterable<WorkflowInstance>,
  options: PruneInstancesOptions,
): string[] {
  const limit = Math.max(0, Math.floor(options.limit));
  const all = [...instances];
  const statusOf = new Map(all.map((instance) => [instance.instance_id, instance.status]));
  const finished = all.filter(
    (instance) =>
      isFinalInstanceStatus(instance.status) &&
      (options.workflowId === undefined || instance.workflow_id === options.workflowId),
  );
  // Finished children of a parent that runs on (or waits for them) stay: it reads their output.
  const parentRuns = (instance: WorkflowInstance) => {
    const parent =
      instance.parent_instance_id === null ? undefined : statusOf.get(instance.parent_instance_id);
    return parent !== undefined && !isFinalInstanceStatus(parent);
  };
  const doomed = new Set<string>();
  if (options.finishedBefore !== undefined) {
    const before = options.finishedBefore;
    for (const instance of finished) {
      if ((instance.finished_at ?? instance.created_at) < before) doomed.add(instance.instance_id);
    }
  }
  if (options.keepPerWorkflow !== undefined) {
    const keep = Math.max(0, Math.floor(options.keepPerWorkflow));
    const byWorkflow = new Map<string, WorkflowInstance[]>();
    for (const instance of finished) {
      if (instance.workflow_id === null) continue;
      const runs = byWorkflow.get(instance.workflow_id) ?? [];
      runs.push(instance);
      byWorkflow.set(instance.workflow_id, runs);
    }
    for (const runs of byWorkflow.values()) {
      runs.sort((a, b) => (isAfterCursor(a, b) ? 1 : isAfterCursor(b, a) ? -1 : 0));
      for (const instance of runs.slice(keep)) doomed.add(instance.instance_id);
    }
  }
  const byId = new Map(finished.map((instance) => [instance.instance_id, instance]));
  return [...doomed].filter((id) => !parentRuns(byId.get(id)!)).slice(0, limit);
}
