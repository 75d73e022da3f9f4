import type { ErrorInfo, ExecutionEvent, ExecutionStatus, StepState } from '@flowloom/core';
import type { NodeRunStatus } from '../store/nextRunStatus';
import { nodeStatusOfStep } from './nodeRunStatusOf';

/** What the panel shows of one step. */
export interface StepDetailsData {
  stepId: string;
  /**
   * Its status, from the run status (or `undefined` before the status is known); `cancelled`
   * for a step the run's stop ended.
   */
  status: NodeRunStatus | undefined;
  /** Attempts made, from the run status or the latest step event. */
  attempts: number | undefined;
  /** Its resolved parameters, from its latest `step_started` event. */
  input: Record<string, unknown> | undefined;
  /** Whether it has produced an output yet (`null` is an output). */
  hasOutput: boolean;
  /** Its output: the run status's `output_data`, else its latest `step_completed` event's. */
  output: unknown;
  /** Why it failed: the run status's error, else its latest `step_failed` event's. */
  error: Pick<ErrorInfo, 'code' | 'message'> | undefined;
  /** The output handles it took once finished (`['error']` when its error branch ran). */
  outputHandles: string[] | undefined;
  /** What it waits for, while waiting. */
  wait: StepState['wait'];
}

type EventOf<K extends ExecutionEvent['event_type']> = Extract<ExecutionEvent, { event_type: K }>;

/** The step's event of a type with the highest `seq`, whatever order the list is in. */
function latest<K extends ExecutionEvent['event_type']>(
  events: readonly ExecutionEvent[],
  stepId: string,
  eventType: K,
): EventOf<K> | undefined {
  let found: EventOf<K> | undefined;
  for (const event of events) {
    if (event.step_id !== stepId || event.event_type !== eventType) continue;
    if (!found || event.seq > found.seq) found = event as EventOf<K>;
  }
  return found;
}

/**
 * Gathers one step's input, output and error from the run status and the events.
 *
 * @remarks The input comes only from events: the status does not keep resolved parameters.
 */
export function stepDetailsOf(
  stepId: string,
  status: ExecutionStatus | null | undefined,
  events: readonly ExecutionEvent[],
): StepDetailsData {
  const state = status?.steps[stepId];
  const started = latest(events, stepId, 'step_started');
  const completed = latest(events, stepId, 'step_completed');
  const failed = latest(events, stepId, 'step_failed');

  let hasOutput = false;
  let output: unknown;
  if (state?.output_data !== undefined) {
    hasOutput = true;
    output = state.output_data;
  } else if (completed) {
    hasOutput = completed.data.output_data !== undefined;
    output = completed.data.output_data;
  }

  const failure = state?.error ?? failed?.data.error;
  const finished =
    completed && failed ? (completed.seq > failed.seq ? completed : failed) : (completed ?? failed);
  return {
    stepId,
    status: state ? nodeStatusOfStep(state) : undefined,
    attempts:
      state?.attempts ?? completed?.data.attempts ?? failed?.data.attempts ?? started?.data.attempt,
    input: started?.data.input_data,
    hasOutput,
    output,
    error: failure ? { code: failure.code, message: failure.message } : undefined,
    outputHandles: state?.output_handles ?? finished?.data.output_handles,
    wait: state?.wait,
  };
}
