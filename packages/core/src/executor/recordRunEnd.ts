import type { WorkflowStore } from '../store/WorkflowStore';
import { parkedWakeAt } from './parkedWakeAt';
import type { RunState } from './runState';

/**
 * Brings an instance record in line with how its run ended here: a `waiting` run records its
 * wake time with its status (the store, not a process, holds it from now on; see
 * `parkedWakeAt`, by the engine's clock `now`); any other keeps
 * its status, finish time, error and progress (so run lists show them without the journal).
 * Never throws: when the write fails, the run's events remain the record of what happened.
 */
export async function recordRunEnd(
  store: WorkflowStore,
  instanceId: string,
  state: RunState,
  totalSteps: number,
  now: () => number = Date.now,
): Promise<void> {
  try {
    if (state.status === 'waiting') {
      await store.markWaiting(instanceId, parkedWakeAt(state, now()));
      return;
    }
    await store.updateInstance(instanceId, {
      status: state.status,
      finished_at: state.finished_at,
      error: state.error,
      progress: { completed: state.finishedSteps, total: totalSteps },
    });
  } catch {
    // Nothing more to do: the run's events and its result are what remain.
  }
}
