import type { ExecutionEvent, StepStatus } from '@flowloom/core';

/**
 * A node's status on the canvas during and after a run: a step's status, or `cancelled` for a
 * step the run's stop ended (the engine fails it with code `CANCELLED`).
 */
export type NodeRunStatus = StepStatus | 'cancelled';

/** The error code of a step that a stop ended while it ran or waited. */
const CANCELLED = 'CANCELLED';

const STEP_STATUS_OF: Partial<Record<ExecutionEvent['event_type'], StepStatus>> = {
  step_started: 'running',
  // A step waiting for its next attempt is still under way.
  step_retrying: 'running',
  step_completed: 'completed',
  step_failed: 'failed',
  step_skipped: 'skipped',
  step_waiting: 'waiting',
  // A woken step runs again until its outcome.
  step_resumed: 'running',
};

/**
 * The nodes' live status after an execution event: `execution_started` clears it,
 * `execution_retried` clears its steps', step events set their step's status (a step a stop
 * ended is `cancelled`). Returns the same object when the event changes nothing.
 */
export function nextRunStatus(
  runStatus: Record<string, NodeRunStatus>,
  event: ExecutionEvent,
): Record<string, NodeRunStatus> {
  if (event.event_type === 'execution_started') {
    return Object.keys(runStatus).length === 0 ? runStatus : {};
  }
  if (event.event_type === 'execution_retried') {
    // The steps run again: they are pending until their step events come.
    const retried = event.data.step_ids.filter((id) => id in runStatus);
    if (retried.length === 0) return runStatus;
    const next = { ...runStatus };
    for (const id of retried) delete next[id];
    return next;
  }
  const status: NodeRunStatus | undefined =
    event.event_type === 'step_failed' && event.data.error.code === CANCELLED
      ? 'cancelled'
      : STEP_STATUS_OF[event.event_type];
  if (status === undefined || event.step_id === undefined) return runStatus;
  if (runStatus[event.step_id] === status) return runStatus;
  return { ...runStatus, [event.step_id]: status };
}
