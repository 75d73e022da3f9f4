import type { ExecutionEvent, StepStatus } from '@flowloom/core';

const STEP_STATUS_OF: Partial<Record<ExecutionEvent['event_type'], StepStatus>> = {
  step_started: 'running',
  // A step waiting for its next attempt is still under way.
  step_retrying: 'running',
  step_completed: 'completed',
  step_failed: 'failed',
  step_skipped: 'skipped',
};

/**
 * The nodes' live status after an execution event: `execution_started` clears it, step events
 * set their step's status. Returns the same object when the event changes nothing.
 */
export function nextRunStatus(
  runStatus: Record<string, StepStatus>,
  event: ExecutionEvent,
): Record<string, StepStatus> {
  if (event.event_type === 'execution_started') {
    return Object.keys(runStatus).length === 0 ? runStatus : {};
  }
  const status = STEP_STATUS_OF[event.event_type];
  if (status === undefined || event.step_id === undefined) return runStatus;
  if (runStatus[event.step_id] === status) return runStatus;
  return { ...runStatus, [event.step_id]: status };
}
