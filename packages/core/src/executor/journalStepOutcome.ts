import type { PlanStep } from '../graph/executionPlan';
import type { ErrorInfo } from '../schema/status';
import type { EventJournal } from './EventJournal';
import type { StepOutcome } from './stepOutcome';

/** What a finished step leads to: the handles to follow, or the error that ends the run. */
export type StepConsequence =
  | { followed: readonly string[]; unhandled?: undefined }
  | { followed?: undefined; unhandled: ErrorInfo };

/**
 * Journals how a step finished: `step_completed`, or `step_failed` (with its error branch taking
 * over when the component declares one and an edge leaves it).
 */
export function journalStepOutcome(
  journal: EventJournal,
  step: PlanStep,
  outcome: Extract<StepOutcome, { kind: 'completed' | 'failed' }>,
): StepConsequence {
  if (outcome.kind === 'completed') {
    journal.append(
      'step_completed',
      {
        output_data: outcome.output_data,
        output_handles: outcome.output_handles,
        duration_ms: outcome.duration_ms,
        attempts: outcome.attempts,
        ...(outcome.set_variables ? { set_variables: outcome.set_variables } : {}),
      },
      step.id,
      outcome.output_bytes,
    );
    return { followed: outcome.output_handles };
  }
  const errorHandle = step.component.errorHandle;
  const handled = errorHandle !== undefined && step.connectedHandles.has(errorHandle);
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
  );
  return handled ? { followed } : { unhandled: { ...outcome.error, step_id: step.id } };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
