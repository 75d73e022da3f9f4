import type { InstanceStatus } from '@flowloom/core';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** Steps finished (completed, failed or skipped). */
  completed: number;
  /** All steps of the run. */
  total: number;
  /** The run's status: the bar takes its colour (`flowloom-progress--<status>`). */
  status?: InstanceStatus;
}

/** Steps finished out of all steps, as text (`3 / 5 steps`) and as a bar. */
export function ProgressBar({ completed, total, status }: ProgressBarProps) {
  const text = useMessages('panel', enRuns.panel);
  const percent = total > 0 ? Math.min(100, Math.round((completed / total) * 100)) : 0;
  return (
    <div
      className={status ? `flowloom-progress flowloom-progress--${status}` : 'flowloom-progress'}
    >
      <div
        className="flowloom-progress__track"
        role="progressbar"
        aria-label={text.progress}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={text.stepsOf(completed, total)}
      >
        <div className="flowloom-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="flowloom-progress__label">{text.steps(completed, total)}</span>
    </div>
  );
}
