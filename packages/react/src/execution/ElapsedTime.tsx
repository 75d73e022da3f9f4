import { enCore } from '../i18n/enCore';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
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
  const { format } = useI18n();
  const panelWords = useMessages('panel', enRuns.panel);
  const commonWords = useMessages('common', enCore.common);
  const elapsed = useElapsedTime(startedAt, finishedAt, running);
  return (
    <span className="flowloom-elapsed">
      <span className="flowloom-elapsed__label">{panelWords.elapsed}</span>{' '}
      <span className="flowloom-elapsed__value" role="timer" aria-label={panelWords.elapsedTime}>
        {elapsed === undefined ? commonWords.none : format.duration(elapsed)}
      </span>
    </span>
  );
}
