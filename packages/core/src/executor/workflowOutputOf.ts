import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowData } from '../schema/workflowData';

/**
 * A run's output, as a webhook answering `when_finished` or a sub-workflow step hands it on:
 * the `output_data` of its completed steps that have no outgoing edge, keyed by step id; or,
 * when exactly one such step completed, that step's `output_data` itself. `{}` when none did.
 *
 * @param workflow - the run's plan, or its document (e.g. `instance.workflow_data`).
 * @param status - the run's state (`executeWorkflow`'s result, `GET /status`).
 * @example
 * const status = await engine.executeWorkflow(instance.instance_id, input);
 * const output = workflowOutputOf(instance.workflow_data, status);
 */
export function workflowOutputOf(
  workflow: ExecutionPlan | WorkflowData,
  status: Pick<ExecutionStatus, 'steps'>,
): unknown {
  const outputs: Array<[string, unknown]> = [];
  for (const stepId of leafStepIds(workflow)) {
    const step = Object.hasOwn(status.steps, stepId) ? status.steps[stepId] : undefined;
    if (step?.status === 'completed') outputs.push([stepId, step.output_data ?? {}]);
  }
  // fromEntries defines own properties: an id such as `__proto__` can't reach a prototype.
  return outputs.length === 1 ? outputs[0]![1] : Object.fromEntries(outputs);
}

/** The ids of the steps no edge leaves, in document order. */
function leafStepIds(workflow: ExecutionPlan | WorkflowData): string[] {
  if (isPlan(workflow)) {
    const { outgoingStart } = workflow;
    return workflow.steps
      .filter((step) => outgoingStart[step.index] === outgoingStart[step.index + 1])
      .map((step) => step.id);
  }
  const sources = new Set(workflow.edges.map((edge) => edge.source));
  return workflow.nodes.filter((node) => !sources.has(node.id)).map((node) => node.id);
}

/** A document is a loose object that may hold any key: a plan is told by its index. */
function isPlan(workflow: ExecutionPlan | WorkflowData): workflow is ExecutionPlan {
  return workflow.indexById instanceof Map;
}
