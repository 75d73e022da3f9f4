import { formatDuration } from './formatDuration';
import { useElapsedTime } from './useElapsedTime';

/** Props of {@link ElapsedTime}. */
export interface ElapsedTimeProps {
  startedAt: string | null | undefined;
  finishedAt: string | null | undefined;
  /** Whether the run is going on: the time then ticks every second. */
  running: boolean;
}

/**
 * How long the run has taken. A component of its own so that its ticking re-renders only it,
 * not the lists around it.
 */
export function ElapsedTime({ startedAt, finishedAt, running }: ElapsedTimeProps) {
  const elapsed = useElapsedTime(startedAt, finishedAt, running);
  return (
    <span className="flowloom-elapsed">
      <span className="flowloom-elapsed__label">Elapsed</span>{' '}
      <span className="flowloom-elapsed__value" role="timer" aria-label="Elapsed time">
        {elapsed === undefined ? '—' : formatDuration(elapsed)}
      </span>
    </span>
  );
}
