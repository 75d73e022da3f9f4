import { useEffect } from 'react';
import { useRunHistory } from '../hooks/useRunHistory';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { StatusChip } from './StatusChip';

/** Props of {@link ChildRuns}. */
export interface ChildRunsProps {
  /** The run whose sub-workflow runs to list. */
  instanceId: string;
  /** The run that started this one, if any. */
  parentInstanceId?: string | null;
  /** Changes when the run moves on (a step started a sub-workflow): the list is read again. */
  progressKey?: string;
  /** Opens a run (a child or the parent). */
  onOpen: (instanceId: string) => void;
}

/**
 * Links from a run to the runs it is related to: the run that started it (a sub-workflow step)
 * and the sub-workflow runs it started (`GET /instances?parent_instance_id=`). Nothing when there
 * are none.
 */
export function ChildRuns({ instanceId, parentInstanceId, progressKey, onOpen }: ChildRunsProps) {
  const { format } = useI18n();
  const text = useMessages('related', enRuns.related);
  const { runs, refresh } = useRunHistory({ parent_instance_id: instanceId }, 50);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again as the run moves on.
  useEffect(() => {
    if (progressKey !== undefined) void refresh();
  }, [progressKey]);
  if (runs.length === 0 && !parentInstanceId) return null;
  return (
    <section className="flowloom-related-runs" aria-label={text.region}>
      {parentInstanceId && (
        <p className="flowloom-related-runs__parent">
          {text.parent}{' '}
          <button
            type="button"
            className="flowloom-link-button"
            aria-label={text.openParent(parentInstanceId)}
            onClick={() => onOpen(parentInstanceId)}
          >
            {parentInstanceId}
          </button>
        </p>
      )}
      {runs.length > 0 && (
        <>
          <h4 className="flowloom-related-runs__heading">{text.children}</h4>
          <ul className="flowloom-related-runs__list">
            {runs.map((run) => (
              <li key={run.instance_id} className="flowloom-related-runs__run">
                <StatusChip status={run.status} />
                <span>{run.name}</span>
                <span className="flowloom-related-runs__time">
                  {format.dateTime(run.started_at ?? run.created_at)}
                </span>
                <button
                  type="button"
                  className="flowloom-button"
                  aria-label={text.openChild(
                    run.name,
                    format.dateTime(run.started_at ?? run.created_at),
                  )}
                  onClick={() => onOpen(run.instance_id)}
                >
                  {text.open}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
