import type { ExecutionStatus } from '../schema/executionStatus';
import type { RunState } from './runState';

/** A snapshot of a run's state in the shape the API returns; later events don't change it. */
export function toExecutionStatus(state: RunState): ExecutionStatus {
  const steps: ExecutionStatus['steps'] = {};
  for (const [id, step] of Object.entries(state.steps)) steps[id] = { ...step };
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
