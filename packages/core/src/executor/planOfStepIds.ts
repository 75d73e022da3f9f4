import { ExecutionPlan } from '../graph/executionPlan';

/**
 * A plan that knows a workflow's step ids and nothing to run: enough to replay and end a run
 * that will not continue (stopping one no process holds), even when the workflow could no
 * longer be planned (its component types were unregistered since).
 */
export function planOfStepIds(stepIds: readonly string[]): ExecutionPlan {
  const noEdges = {
    ids: [],
    source: new Uint32Array(0),
    sourceHandle: [],
    target: new Uint32Array(0),
    targetHandle: [],
  };
  return new ExecutionPlan([], noEdges, new Set(stepIds));
}
