import type { ExecutionStatus, StepState } from '../schema/executionStatus';
import { createDictionary, type RunState, stepEntries } from './runState';

/**
 * A snapshot of a run's state in the shape the API returns; later events don't change it.
 *
 * @param settled - the run has ended and its state will never change again (its journal is
 * closed), so the steps are handed out as they are instead of copied, and gathered by id only
 * when `steps` is first read: a caller that only wants the run's outcome never pays for it.
 */
export function toExecutionStatus(state: RunState, settled = false): ExecutionStatus {
  const status: ExecutionStatus = {
    instance_id: state.instance_id,
    status: state.status,
    steps: settled ? (undefined as unknown as ExecutionStatus['steps']) : stepsById(state, true),
    progress: { completed: state.finishedSteps, total: state.stepList.length },
    started_at: state.started_at,
    finished_at: state.finished_at,
    error: state.error,
    variables: Object.assign(createDictionary(), state.variables),
  };
  if (settled) {
    let steps: Record<string, StepState> | undefined;
    Object.defineProperty(status, 'steps', {
      enumerable: true,
      configurable: true,
      get: () => {
        steps ??= stepsById(state, false);
        return steps;
      },
      set: (value: Record<string, StepState>) => {
        steps = value;
      },
    });
  }
  return status;
}

function stepsById(state: RunState, copy: boolean): Record<string, StepState> {
  const steps = createDictionary<StepState>();
  for (const [id, step] of stepEntries(state)) steps[id] = copy ? { ...step } : step;
  return steps;
}
