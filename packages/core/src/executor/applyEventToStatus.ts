import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus, StepState } from '../schema/executionStatus';

/** The status of an instance that has not run, before the status endpoint has answered. */
export function emptyExecutionStatus(instanceId: string): ExecutionStatus {
  return {
    instance_id: instanceId,
    status: 'pending',
    steps: {},
    progress: { completed: 0, total: 0 },
    started_at: null,
    finished_at: null,
    error: null,
    variables: {},
  };
}

const pendingStep = (): StepState => ({
  status: 'pending',
  attempts: 0,
  started_at: null,
  finished_at: null,
});

/**
 * An instance's status after one more event, without changing the one given: the reducer for
 * clients that follow a run through its events (the React hooks), over the public
 * `ExecutionStatus` shape. Returns the same object for events that change nothing.
 *
 * It is the immutable twin of the engine's `applyEvent` (which mutates its run state for speed);
 * `applyEventToStatus.test.ts` replays the engine's own journals through it to keep the two in
 * agreement.
 *
 * @remarks Each event sets fields rather than accumulating blindly (a step's progress counts by its state), so replaying events the status already reflects, in order up to the newest, ends in the
 * same state. The tracker relies on this to merge a status answer with events that crossed it.
 */
export function applyEventToStatus(
  status: ExecutionStatus,
  event: ExecutionEvent,
): ExecutionStatus {
  switch (event.event_type) {
    case 'execution_queued':
      return status.status === 'queued' ? status : { ...status, status: 'queued' };
    case 'execution_started': {
      const steps: ExecutionStatus['steps'] = {};
      for (const id of Object.keys(status.steps)) steps[id] = pendingStep();
      return {
        ...status,
        status: 'running',
        steps,
        progress: {
          completed: 0,
          total: Math.max(Object.keys(steps).length, event.data.total_steps),
        },
        started_at: event.timestamp,
        finished_at: null,
        error: null,
        variables: { ...event.data.variables },
      };
    }
    case 'step_started':
      return withStep(status, event.step_id, (step) => ({
        ...step,
        status: 'running',
        attempts: event.data.attempt,
        started_at: step.started_at ?? event.timestamp,
      }));
    case 'step_waiting':
      return withStep(status, event.step_id, (step) => ({
        ...step,
        status: 'waiting',
        wait: event.data,
      }));
    case 'step_resumed':
      return withStep(status, event.step_id, ({ wait: _wait, ...step }) => ({
        ...step,
        status: 'running',
      }));
    case 'step_completed': {
      const next = withStep(status, event.step_id, ({ wait: _wait, ...step }) => ({
        ...step,
        status: 'completed',
        finished_at: event.timestamp,
        attempts: event.data.attempts,
        output_data: event.data.output_data,
        output_handles: event.data.output_handles,
      }));
      const setVariables = event.data.set_variables;
      return setVariables ? { ...next, variables: { ...next.variables, ...setVariables } } : next;
    }
    case 'step_failed':
      return withStep(status, event.step_id, ({ wait: _wait, ...step }) => ({
        ...step,
        status: 'failed',
        finished_at: event.timestamp,
        attempts: event.data.attempts,
        error: event.data.error,
        output_handles: event.data.output_handles,
        ...(event.data.output_data === undefined ? {} : { output_data: event.data.output_data }),
      }));
    case 'step_skipped':
      return withStep(status, event.step_id, ({ wait: _wait, ...step }) => ({
        ...step,
        status: 'skipped',
        finished_at: event.timestamp,
        // A disabled step passes its input on: what it delivered is its output.
        ...(event.data.output_handles === undefined
          ? {}
          : { output_data: event.data.output_data, output_handles: event.data.output_handles }),
      }));
    case 'step_retrying':
    case 'log':
      return status;
    case 'execution_completed':
      return { ...status, status: 'completed', finished_at: event.timestamp };
    case 'execution_failed':
      return { ...status, status: 'failed', finished_at: event.timestamp, error: event.data.error };
    case 'execution_cancelled':
      return {
        ...status,
        status: 'cancelled',
        finished_at: event.timestamp,
        error: { code: 'CANCELLED', message: event.data.reason },
      };
    case 'execution_interrupted':
      return { ...status, status: 'interrupted' };
    case 'execution_waiting':
      return { ...status, status: 'waiting' };
    case 'execution_resumed':
      return { ...status, status: 'running' };
    case 'execution_retried': {
      const steps = { ...status.steps };
      let completed = status.progress.completed;
      for (const id of event.data.step_ids) {
        const step = steps[id];
        if (!step) continue;
        if (isFinished(step)) completed -= 1;
        steps[id] = { ...pendingStep(), attempts: step.attempts };
      }
      return {
        ...status,
        status: 'running',
        steps,
        progress: { ...status.progress, completed },
        finished_at: null,
        error: null,
      };
    }
  }
}

function withStep(
  status: ExecutionStatus,
  stepId: string | undefined,
  update: (step: StepState) => StepState,
): ExecutionStatus {
  const id = stepId ?? '(unknown)';
  const known = status.steps[id];
  const before = known ?? pendingStep();
  const after = update(before);
  const steps = { ...status.steps, [id]: after };
  // Counted by the change of this step's state, so the count always equals the finished steps.
  const completed =
    status.progress.completed + Number(isFinished(after)) - Number(isFinished(before));
  const total = known
    ? status.progress.total
    : Math.max(status.progress.total, Object.keys(steps).length);
  return { ...status, steps, progress: { completed, total } };
}

function isFinished(step: StepState): boolean {
  return step.status === 'completed' || step.status === 'failed' || step.status === 'skipped';
}
