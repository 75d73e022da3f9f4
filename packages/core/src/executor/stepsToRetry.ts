import type { ExecutionPlan } from '../graph/executionPlan';
import { type RunState, stepStateOf } from './runState';

/**
 * The steps a retry sets back to pending: every failed step (a cancelled run's interrupted steps
 * are failed `CANCELLED`) and every finished step downstream of one, whose outcome depended on
 * it. Completed steps upstream keep their outputs; pending steps run anyway. In plan order.
 */
export function stepsToRetry(plan: ExecutionPlan, state: RunState): string[] {
  const marked = new Uint8Array(plan.steps.length);
  const queue: number[] = [];
  for (const step of plan.steps) {
    if (stepStateOf(state, step.id)?.status === 'failed') {
      marked[step.index] = 1;
      queue.push(step.index);
    }
  }
  // A loop over a queue, not recursion: a chain can hold thousands of steps.
  for (let head = 0; head < queue.length; head += 1) {
    const step = queue[head]!;
    for (let at = plan.outgoingStart[step]!; at < plan.outgoingStart[step + 1]!; at += 1) {
      const target = plan.edgeTarget[plan.outgoingEdges[at]!]!;
      if (marked[target] === 1) continue;
      marked[target] = 1;
      queue.push(target);
    }
  }
  return plan.steps
    .filter((step) => marked[step.index] === 1 && stepStateOf(state, step.id)?.status !== 'pending')
    .map((step) => step.id);
}
