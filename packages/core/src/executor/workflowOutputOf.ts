import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowData } from '../schema/workflowData';

/**
 * A run's output, as a webhook answering `when_finished` or a sub-workflow step hands it on.
 * The rule is the workflow's shape, never what happened to run:
 *
 * - a workflow with exactly one leaf step (a step no edge leaves): that step's `output_data`
 *   itself, or `{}` when it did not complete;
 * - any other workflow: the `output_data` of its completed leaf steps, keyed by step id (`{}`
 *   when none completed). A branch not taken is left out, and the output keeps its shape: a
 *   run that took one of two branches gives `{ yes: ... }`, never the bare output of `yes`.
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
  const leaves = leafStepIds(workflow);
  const outputs: Array<[string, unknown]> = [];
  for (const stepId of leaves) {
    const step = Object.hasOwn(status.steps, stepId) ? status.steps[stepId] : undefined;
    if (step?.status === 'completed') outputs.push([stepId, step.output_data ?? {}]);
  }
  if (leaves.length === 1) return outputs[0]?.[1] ?? {};
  // fromEntries defines own properties: an id such as `__proto__` can't reach a prototype.
  return Object.fromEntries(outputs);
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
