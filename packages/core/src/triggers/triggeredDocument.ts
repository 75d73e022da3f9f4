import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { WorkflowData } from '../schema/workflowData';

/**
 * The document a run started by one trigger step runs: the workflow without the edges leaving
 * its other trigger steps, so the run follows the trigger that fired only. Steps that only the
 * other triggers lead to are then unreachable, and the run skips them.
 *
 * @remarks The other triggers stay in the document (expressions may name them) and, as every
 * trigger is an entry step, still run: each outputs the run's input, as the one that fired does.
 */
export function triggeredDocument(
  workflowData: WorkflowData,
  stepId: string,
  registry: ComponentRegistry,
): WorkflowData {
  const others = otherTriggerIds(workflowData, stepId, registry);
  if (!workflowData.edges.some((edge) => others.has(edge.source))) return workflowData;
  return { ...workflowData, edges: workflowData.edges.filter((edge) => !others.has(edge.source)) };
}

/** The ids of a workflow's trigger steps other than `stepId`. */
export function otherTriggerIds(
  workflowData: WorkflowData,
  stepId: string,
  registry: ComponentRegistry,
): Set<string> {
  return new Set(
    workflowData.nodes
      .filter(
        (node) =>
          node.id !== stepId &&
          registry.hasComponent(node.type) &&
          registry.resolve(node.type).isTrigger,
      )
      .map((node) => node.id),
  );
}
