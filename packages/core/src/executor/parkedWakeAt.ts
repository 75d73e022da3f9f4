import { type RunState, stepEntries } from './runState';

/**
 * The longest a run waiting for its sub-workflows sleeps before it looks at them again. A
 * child's end makes its parent due at once (`wakeParent`); this is the safety net for an end
 * that could not say so (its process died in between), so no parent waits for ever.
 */
export const CHILD_RECHECK_MS = 15 * 60_000;

/**
 * When a run that parks `waiting` wakes by itself, as the store keeps it: its earliest timed
 * wait (`execution_waiting`'s `wake_at`), or sooner, `CHILD_RECHECK_MS` from `nowMs` when a
 * step waits for sub-workflows; `null` when only a resume request wakes it.
 */
export function parkedWakeAt(state: RunState, nowMs: number): string | null {
  let wakeAt = state.wake_at;
  if (waitsForChildren(state)) {
    const recheck = new Date(nowMs + CHILD_RECHECK_MS).toISOString();
    if (wakeAt === null || recheck < wakeAt) wakeAt = recheck;
  }
  return wakeAt;
}

/** Whether a step waits for its sub-workflows: neither a time nor a resume request wakes it. */
function waitsForChildren(state: RunState): boolean {
  if (state.waitingSteps === 0) return false;
  for (const [, step] of stepEntries(state)) {
    if (step.status === 'waiting' && step.wait?.wake_at === undefined && !step.wait?.resume) {
      return true;
    }
  }
  return false;
}
