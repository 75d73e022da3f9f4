import { useId } from 'react';
import type { StepDetailsData } from './stepDetailsOf';

/** Props of {@link StepDetails}. */
export interface StepDetailsProps {
  details: StepDetailsData;
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    // Cyclic or BigInt-holding values cannot be JSON: show what String gives.
    return String(value);
  }
}

/** One step's status, input (resolved parameters), output and error. */
export function StepDetails({ details }: StepDetailsProps) {
  const id = useId();
  return (
    <section className="flowloom-step-details" aria-label={`Step ${details.stepId}`}>
      <header className="flowloom-step-details__header">
        <h3 className="flowloom-step-details__title">{details.stepId}</h3>
        {details.status && (
          <span
            className={`flowloom-step-status flowloom-step-status--${details.status}`}
            data-status={details.status}
          >
            {details.status}
          </span>
        )}
        {details.attempts !== undefined && details.attempts > 1 && (
          <span className="flowloom-step-details__attempts">{details.attempts} attempts</span>
        )}
      </header>
      {details.error && (
        <div className="flowloom-step-details__error" role="alert">
          <strong>{details.error.code}</strong>: {details.error.message}
        </div>
      )}
      <figure className="flowloom-step-details__block" aria-labelledby={`${id}-input`}>
        <figcaption id={`${id}-input`} className="flowloom-step-details__heading">
          Input
        </figcaption>
        {details.input ? (
          <pre className="flowloom-step-details__json">{toJson(details.input)}</pre>
        ) : (
          <p className="flowloom-step-details__none">No input yet.</p>
        )}
      </figure>
      <figure className="flowloom-step-details__block" aria-labelledby={`${id}-output`}>
        <figcaption id={`${id}-output`} className="flowloom-step-details__heading">
          Output
        </figcaption>
        {details.hasOutput ? (
          <pre className="flowloom-step-details__json">{toJson(details.output)}</pre>
        ) : (
          <p className="flowloom-step-details__none">No output yet.</p>
        )}
      </figure>
    </section>
  );
}
