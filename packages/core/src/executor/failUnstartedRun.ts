import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import { createRunState } from './runState';
import { toExecutionStatus } from './toExecutionStatus';

/** The run that could not begin. */
export interface UnstartedRun {
  instance: WorkflowInstance;
  plan: ExecutionPlan;
  /** The last `seq` stored for the instance. */
  lastSeq: number;
  /** Why it could not begin. */
  thrown: unknown;
}

/**
 * Ends a run that was accepted but could not begin: a failed event, a failed instance, so it
 * never stays `running`.
 */
export async function failUnstartedRun(
  store: WorkflowStore,
  publish: (event: ExecutionEvent) => void,
  { instance, plan, lastSeq, thrown }: UnstartedRun,
): Promise<ExecutionStatus> {
  const error = {
    code: ErrorCode.INTERNAL_ERROR,
    message: `The run could not start: ${toFlowloomError(thrown).message}`,
  };
  const state = createRunState(instance.instance_id, plan.stepIds);
  const event: ExecutionEvent = {
    seq: lastSeq + 1,
    event_type: 'execution_failed',
    instance_id: instance.instance_id,
    timestamp: new Date().toISOString(),
    data: { duration_ms: 0, error },
  };
  applyEvent(state, event);
  try {
    await store.appendEvents([event]);
  } catch {
    // The instance record below still tells the outcome.
  }
  publish(event);
  try {
    await store.updateInstance(instance.instance_id, {
      status: 'failed',
      finished_at: state.finished_at,
      error,
    });
  } catch {
    // Nothing more can be done; the caller gets the failed status.
  }
  return toExecutionStatus(state, true);
}
