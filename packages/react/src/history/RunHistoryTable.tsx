import type { InstanceSummary } from '@flowloom/core';
import { useEffect } from 'react';
import { StatusChip } from '../execution/StatusChip';
import { useRunHistory } from '../hooks/useRunHistory';
import { enCore } from '../i18n/enCore';
import { enLists } from '../i18n/enLists';
import type { I18nProps } from '../i18n/I18nProps';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { ListTable } from '../workflows/ListTable';
import { runTriggerOf } from './runTriggerOf';

/** Props of `RunHistory` (and of {@link RunHistoryTable}, the list it loads). */
export interface RunHistoryProps extends I18nProps {
  /** The saved workflow whose runs to list. */
  workflowId: string;
  /** Told when a run's Open button is pressed. */
  onOpenRun?: (instanceId: string, run: InstanceSummary) => void;
  /** The run shown elsewhere (marked in the list). */
  selectedInstanceId?: string;
  /** Runs per page. @default 20 */
  pageSize?: number;
  /** Added to the root's class names. */
  className?: string;
}

/**
 * The run history itself, loaded on demand by `RunHistory`: a workflow's runs from
 * `GET /instances?workflow_id=`, newest first and a page at a time (by
 * cursor, so runs started meanwhile never shift a page): status, trigger, start, duration and
 * version, each with Open. Inside `<WorkflowEditor>` it is the execution panel's History tab,
 * where Open shows the run on the canvas with its timeline.
 *
 * @example
 * <RunHistory workflowId={id} onOpenRun={(instanceId) => navigate(`/runs/${instanceId}`)} />
 */
export function RunHistoryTable({
  workflowId,
  onOpenRun,
  selectedInstanceId,
  pageSize = 20,
  className,
}: RunHistoryProps) {
  const { format, locale } = useI18n();
  const text = useMessages('history', enLists.history);
  const commonWords = useMessages('common', enCore.common);
  const { runs, total, hasMore, loading, error, refresh, loadMore } = useRunHistory(
    { workflow_id: workflowId },
    pageSize,
  );
  // A run started since the list was read (the editor's Execute) shows once it is selected.
  const listed = runs.some((run) => run.instance_id === selectedInstanceId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly selected run counts.
  useEffect(() => {
    if (selectedInstanceId !== undefined && !listed && !loading) void refresh();
  }, [selectedInstanceId]);
  return (
    <section
      className={className ? `flowloom-run-history ${className}` : 'flowloom-run-history'}
      aria-label={text.region}
      aria-busy={loading}
      lang={locale}
    >
      <div className="flowloom-run-history__bar">
        <span className="flowloom-run-history__count">
          {runs.length > 0 ? text.count(runs.length, total) : null}
        </span>
        <button type="button" className="flowloom-button" onClick={() => void refresh()}>
          {text.refresh}
        </button>
      </div>
      {error && (
        <p className="flowloom-execution-panel__error" role="alert">
          {text.failed(error.message)}
        </p>
      )}
      {runs.length === 0 && !error ? (
        <p className="flowloom-run-history__empty">{loading ? text.loading : text.empty}</p>
      ) : (
        <ListTable
          className="flowloom-run-history__table"
          caption={text.caption}
          columns={[text.status, text.trigger, text.started, text.duration, text.version]}
          actions={text.actions}
        >
          {runs.map((run) => {
            const started = format.dateTime(run.started_at, text.notStarted);
            const selected = run.instance_id === selectedInstanceId;
            const trigger = runTriggerOf(run);
            return (
              <tr
                key={run.instance_id}
                data-instance-id={run.instance_id}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'flowloom-run-history__row--selected' : undefined}
              >
                <td>
                  <StatusChip status={run.status} />
                </td>
                <td title={trigger === undefined ? text.unknownTriggerHint : undefined}>
                  {trigger === undefined ? commonWords.none : (text.triggers[trigger] ?? trigger)}
                </td>
                <td>{started}</td>
                <td>
                  {run.duration_ms === null
                    ? run.status === 'running'
                      ? text.running
                      : commonWords.none
                    : format.duration(run.duration_ms)}
                </td>
                <td>
                  {run.workflow_version === null
                    ? commonWords.none
                    : format.number(run.workflow_version)}
                </td>
                <td>
                  {onOpenRun && (
                    <button
                      type="button"
                      className="flowloom-button"
                      aria-label={text.openRun(started)}
                      aria-pressed={selected}
                      onClick={() => onOpenRun(run.instance_id, run)}
                    >
                      {selected ? text.opened : text.open}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </ListTable>
      )}
      {hasMore && (
        <button
          type="button"
          className="flowloom-button flowloom-run-history__more"
          disabled={loading}
          onClick={() => void loadMore()}
        >
          {text.more}
        </button>
      )}
    </section>
  );
}
