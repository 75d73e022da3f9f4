import type { ExecutionStatus } from '../schema/executionStatus';
import { createDictionary, type RunState } from './runState';

/**
 * A snapshot of a run's state in the shape the API returns; later events don't change it.
 *
 * @param settled - the run has ended and its state will never change again (its journal is
 * closed), so the steps are handed out as they are instead of copied.
 */
export function toExecutionStatus(state: RunState, settled = false): ExecutionStatus {
  let steps: ExecutionStatus['steps'] = state.steps;
  if (!settled) {
    steps = createDictionary();
    for (const id in state.steps) steps[id] = { ...state.steps[id]! };
  }
  return {
    instance_id: state.instance_id,
    status: state.status,
    steps,
    progress: { completed: state.finishedSteps, total: Object.keys(state.steps).length },
    started_at: state.started_at,
    finished_at: state.finished_at,
    error: state.error,
    variables: Object.assign(createDictionary(), state.variables),
  };
}
