import type { ExecutionEvent } from '../schema/executionEvent';
import type { StepState } from '../schema/executionStatus';
import { createDictionary, pendingStep, type RunState, stepAt, stepIndexOf } from './runState';

/**
 * The run-state reducer: applies one event to the state. Every change to a run's state goes
 * through here, whether the event was just made or is being replayed from the store.
 *
 * @remarks Mutates `state` in place: a run owns its state and applies thousands of events per
 * second, so copying it per event would dominate the engine's cost. Snapshots for callers are
 * taken by `toExecutionStatus`.
 */
export function applyEvent(state: RunState, event: ExecutionEvent): RunState {
  state.lastSeq = event.seq;
  switch (event.event_type) {
    case 'execution_queued':
      // Waits for a concurrency slot; what begins then (a start, retry, resume) sets it again.
      state.status = 'queued';
      return state;
    case 'execution_started':
      state.status = 'running';
      state.started_at = event.timestamp;
      state.finished_at = null;
      state.error = null;
      state.input_data = event.data.input_data;
      // Null-prototype copies: [[Set]] of a `__proto__` key on them defines a plain key.
      state.variables = Object.assign(createDictionary(), event.data.variables);
      state.outputs = createDictionary();
      state.attemptBase = createDictionary();
      state.wakes = createDictionary();
      state.wake_at = null;
      state.finishedSteps = 0;
      state.runningSteps = 0;
      state.waitingSteps = 0;
      // Replaced rather than reset in place: a finished run's status may still share them.
      for (let at = 0; at < state.stepList.length; at += 1) {
        const step = state.stepList[at];
        if (step && (step.status !== 'pending' || step.attempts !== 0)) {
          state.stepList[at] = undefined;
        }
      }
      return state;
    case 'step_started': {
      const step = stepOf(state, event.step_id);
      setStatus(state, step, 'running');
      step.attempts = event.data.attempt;
      step.started_at ??= event.timestamp;
      return state;
    }
    case 'step_waiting': {
      const step = stepOf(state, event.step_id);
      setStatus(state, step, 'waiting');
      step.wait = event.data;
      return state;
    }
    case 'step_resumed': {
      const step = stepOf(state, event.step_id);
      setStatus(state, step, 'running');
      delete step.wait;
      state.wakes[event.step_id ?? '(unknown)'] = event.data;
      return state;
    }
    case 'step_completed': {
      const at = indexOfStep(state, event.step_id);
      const step = stepAt(state, at);
      if (!isFinished(step)) state.finishedSteps += 1;
      count(state, step.status, -1);
      count(state, 'completed', 1);
      // Made whole rather than grown by two keys: a step's state grown past its literal's size
      // keeps them in a separate property array, and a run keeps every step's state to its end.
      const completed: StepState = {
        status: 'completed',
        attempts: event.data.attempts,
        started_at: step.started_at,
        finished_at: event.timestamp,
        output_data: event.data.output_data,
        output_handles: event.data.output_handles,
      };
      if (step.error !== undefined) completed.error = step.error;
      state.stepList[at] = completed;
      if (event.step_id !== undefined) delete state.wakes[event.step_id];
      state.outputs[event.step_id!] = event.data.output_data;
      if (event.data.set_variables) Object.assign(state.variables, event.data.set_variables);
      return state;
    }
    case 'step_failed': {
      const step = finishStep(state, event.step_id, 'failed', event.timestamp);
      step.attempts = event.data.attempts;
      step.error = event.data.error;
      step.output_handles = event.data.output_handles;
      if (event.data.output_data !== undefined) {
        step.output_data = event.data.output_data;
        state.outputs[event.step_id!] = event.data.output_data;
      }
      return state;
    }
    case 'step_skipped': {
      const step = finishStep(state, event.step_id, 'skipped', event.timestamp);
      // A disabled step passes its input on: what it delivered is its output.
      if (event.data.output_handles !== undefined) {
        step.output_handles = event.data.output_handles;
        step.output_data = event.data.output_data;
        state.outputs[event.step_id!] = event.data.output_data;
      }
      return state;
    }
    case 'step_retrying':
    case 'log':
      return state;
    case 'execution_completed':
      state.status = 'completed';
      state.finished_at = event.timestamp;
      return state;
    case 'execution_failed':
      state.status = 'failed';
      state.finished_at = event.timestamp;
      state.error = event.data.error;
      return state;
    case 'execution_cancelled':
      state.status = 'cancelled';
      state.finished_at = event.timestamp;
      state.error = { code: 'CANCELLED', message: event.data.reason };
      return state;
    case 'execution_interrupted':
      // Not final: steps that were running stay so, and run again when the run resumes.
      state.status = 'interrupted';
      return state;
    case 'execution_waiting':
      // Not final: the waiting steps stay so until they wake.
      state.status = 'waiting';
      state.wake_at = event.data.wake_at ?? null;
      return state;
    case 'execution_resumed':
      state.status = 'running';
      state.wake_at = null;
      return state;
    case 'execution_retried':
      state.status = 'running';
      state.finished_at = null;
      state.error = null;
      for (const id of event.data.step_ids) {
        const at = stepIndexOf(state, id);
        if (at === undefined) continue;
        const step = stepAt(state, at);
        if (isFinished(step)) state.finishedSteps -= 1;
        count(state, step.status, -1);
        // A new object: a status handed out before keeps the step as it was.
        state.stepList[at] = { ...pendingStep(), attempts: step.attempts };
        state.attemptBase[id] = step.attempts;
        delete state.outputs[id];
      }
      return state;
  }
}

function isFinished(step: StepState): boolean {
  return step.status === 'completed' || step.status === 'failed' || step.status === 'skipped';
}

function stepOf(state: RunState, stepId: string | undefined): StepState {
  return stepAt(state, indexOfStep(state, stepId));
}

/** The index of an event's step, made for a step the document doesn't have. */
function indexOfStep(state: RunState, stepId: string | undefined): number {
  const id = stepId ?? '(unknown)';
  const at = stepIndexOf(state, id);
  if (at !== undefined) return at;
  // An event for a step the document doesn't have (it was edited since): track it anyway.
  state.extraSteps ??= new Map();
  state.extraSteps.set(id, state.stepList.length);
  state.stepList.push(pendingStep());
  return state.stepList.length - 1;
}

function finishStep(
  state: RunState,
  stepId: string | undefined,
  status: StepState['status'],
  at: string,
): StepState {
  const step = stepOf(state, stepId);
  if (!isFinished(step)) state.finishedSteps += 1;
  setStatus(state, step, status);
  step.finished_at = at;
  delete step.wait;
  if (stepId !== undefined) delete state.wakes[stepId];
  return step;
}

/** Changes a step's status, keeping the counts of running and waiting steps. */
function setStatus(state: RunState, step: StepState, status: StepState['status']): void {
  count(state, step.status, -1);
  step.status = status;
  count(state, status, 1);
}

function count(state: RunState, status: StepState['status'], delta: number): void {
  if (status === 'running') state.runningSteps += delta;
  else if (status === 'waiting') state.waitingSteps += delta;
}
