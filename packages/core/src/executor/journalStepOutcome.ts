import type { PlanStep } from '../graph/executionPlan';
import type { ErrorInfo } from '../schema/status';
import type { EventJournal } from './EventJournal';
import type { StepOutcome } from './stepOutcome';

/**
 * What a finished step leads to: the handles to follow (an array), or the error that ends the
 * run (`{ unhandled }`).
 */
export type StepConsequence = readonly string[] | { readonly unhandled: ErrorInfo };

/**
 * Journals how a step finished: `step_completed`, or `step_failed` with the step's `on_error`
 * setting deciding what follows: its error branch (by default, when one is connected), the
 * run's failure (`fail`, or no error branch), or its success handles with the error in its
 * output, as a completed step (`continue`).
 *
 * @param timestamp - the event's ISO time, from the step's own clock reading when it has one.
 */
export function journalStepOutcome(
  journal: EventJournal,
  step: PlanStep,
  outcome: Extract<StepOutcome, { kind: 'completed' | 'failed' }>,
  timestamp?: string,
): StepConsequence {
  if (outcome.kind === 'completed') {
    const { output_data, output_handles, duration_ms, attempts, set_variables } = outcome;
    journal.append(
      'step_completed',
      set_variables
        ? { output_data, output_handles, duration_ms, attempts, set_variables }
        : { output_data, output_handles, duration_ms, attempts },
      step.id,
      outcome.output_bytes,
      timestamp,
    );
    return output_handles;
  }
  if (step.onError === 'continue') {
    // The error reaches the next steps as {{ steps.<id>.error.message }}, as on an error branch.
    journal.append(
      'step_completed',
      {
        output_data: { ...asObject(outcome.output_data), error: outcome.error },
        output_handles: [...step.passHandles],
        duration_ms: outcome.duration_ms,
        attempts: outcome.attempts,
      },
      step.id,
      outcome.output_bytes,
      timestamp,
    );
    return step.passHandles;
  }
  const errorHandle = step.component.errorHandle;
  const handled =
    step.onError !== 'fail' && errorHandle !== undefined && step.connectedHandles.has(errorHandle);
  const followed = handled ? [errorHandle] : [];
  journal.append(
    'step_failed',
    {
      error: outcome.error,
      attempts: outcome.attempts,
      duration_ms: outcome.duration_ms,
      output_handles: [...followed],
      // The error branch reads what went wrong as {{ steps.<id>.error.message }}.
      ...(handled
        ? { output_data: { ...asObject(outcome.output_data), error: outcome.error } }
        : {}),
    },
    step.id,
    handled ? outcome.output_bytes : outcome.error.message.length,
    timestamp,
  );
  return handled ? followed : { unhandled: { ...outcome.error, step_id: step.id } };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
