import type { ExecutionStatus } from '@flowloom/core';
import { useState } from 'react';
import type { ClientResult } from '../client/clientTypes';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link WaitingSteps}. */
export interface WaitingStepsProps {
  /** The run's status as it is now. */
  status: ExecutionStatus | null;
  /** Step names by id. */
  stepNames?: Readonly<Record<string, string>>;
  /** Resumes a step waiting in `resume` mode; `data` becomes its output. */
  onResume: (stepId: string, data: Record<string, unknown>) => Promise<ClientResult<unknown>>;
}

/**
 * The steps a run waits at: when a timed wait wakes, and Approve / Reject for a step waiting to
 * be resumed (`{ approved: true | false }` becomes its output). Nothing when none waits.
 */
export function WaitingSteps({ status, stepNames, onResume }: WaitingStepsProps) {
  const { format } = useI18n();
  const text = useMessages('waiting', enRuns.waiting);
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const waiting = Object.entries(status?.steps ?? {}).filter(
    ([, step]) => step.status === 'waiting',
  );
  if (waiting.length === 0) return null;

  const resume = async (stepId: string, name: string, approved: boolean) => {
    setPending(stepId);
    setError(undefined);
    try {
      const result = await onResume(stepId, { approved });
      if (!result.success) setError(text.failed(name, result.error.message));
    } finally {
      setPending(undefined);
    }
  };

  return (
    <section className="flowloom-waiting" aria-label={text.region}>
      <ul className="flowloom-waiting__list">
        {waiting.map(([stepId, step]) => {
          const name = stepNames?.[stepId] ?? stepId;
          const wakeAt = step.wait?.wake_at;
          const when = wakeAt
            ? step.wait?.resume
              ? text.timesOut(format.dateTime(wakeAt))
              : text.wakes(format.dateTime(wakeAt))
            : undefined;
          return (
            <li key={stepId} className="flowloom-waiting__step" data-step-id={stepId}>
              <strong>{name}</strong> {step.wait?.resume ? text.waitsForResume : text.waits}
              {when && <span className="flowloom-waiting__when"> · {when}</span>}
              {step.wait?.resume && (
                <span className="flowloom-waiting__actions">
                  <button
                    type="button"
                    className="flowloom-button flowloom-button--primary"
                    aria-label={text.approveStep(name)}
                    disabled={pending !== undefined}
                    onClick={() => void resume(stepId, name, true)}
                  >
                    {text.approve}
                  </button>
                  <button
                    type="button"
                    className="flowloom-button"
                    aria-label={text.rejectStep(name)}
                    disabled={pending !== undefined}
                    onClick={() => void resume(stepId, name, false)}
                  >
                    {text.reject}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="flowloom-execution-panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
