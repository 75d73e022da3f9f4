import type { ExecutionStatus, StepState } from '@flowloom/core';
import type { NodeRunStatus } from '../store/nextRunStatus';

/** The canvas status of one step: a stopped step (failed `CANCELLED`) is `cancelled`. */
export function nodeStatusOfStep(step: StepState): NodeRunStatus {
  return step.status === 'failed' && step.error?.code === 'CANCELLED' ? 'cancelled' : step.status;
}

/**
 * The nodes' canvas statuses for a run's status: every step that has begun or ended, as the
 * live canvas shows them (`nextRunStatus`); pending steps show no status.
 */
export function nodeRunStatusOf(
  status: ExecutionStatus | null | undefined,
): Record<string, NodeRunStatus> {
  const result: Record<string, NodeRunStatus> = {};
  if (!status) return result;
  for (const [stepId, step] of Object.entries(status.steps)) {
    if (step.status !== 'pending') result[stepId] = nodeStatusOfStep(step);
  }
  return result;
}
