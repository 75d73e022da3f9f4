import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import { createRunState } from './runState';
import { toExecutionStatus } from './toExecutionStatus';

/**
 * The state of an instance's latest run rebuilt from its stored events, so any process sharing
 * the store gives the same answer.
 *
 * @throws FlowloomError `NOT_FOUND`.
 */
export async function readStoredStatus(
  store: WorkflowStore,
  instanceId: string,
): Promise<ExecutionStatus> {
  const instance = await store.getInstance(instanceId);
  if (!instance) {
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
  }
  const state = createRunState(
    instanceId,
    instance.workflow_data.nodes.map((node) => node.id),
  );
  for (const event of await store.listEvents(instanceId)) applyEvent(state, event);
  if (state.status === 'pending' || state.status === 'running') {
    // No events yet, or a run whose process went away: the instance record is the best word.
    state.status = instance.status;
    state.started_at ??= instance.started_at;
    state.error ??= instance.error;
  }
  return toExecutionStatus(state);
}
