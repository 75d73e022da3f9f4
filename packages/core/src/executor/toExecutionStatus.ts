import type { ExecutionStatus } from '../schema/executionStatus';
import type { RunState } from './runState';

/**
 * A snapshot of a run's state in the shape the API returns; later events don't change it.
 *
 * @param settled - the run has ended: its step objects will never change again (a new run
 * replaces them rather than changing them), so they are shared instead of copied.
 */
export function toExecutionStatus(state: RunState, settled = false): ExecutionStatus {
  const steps: ExecutionStatus['steps'] = {};
  for (const id in state.steps) {
    const step = state.steps[id]!;
    steps[id] = settled ? step : { ...step };
  }
  return {
    instance_id: state.instance_id,
    status: state.status,
    steps,
    progress: { completed: state.finishedSteps, total: Object.keys(state.steps).length },
    started_at: state.started_at,
    finished_at: state.finished_at,
    error: state.error,
    variables: { ...state.variables },
  };
}
