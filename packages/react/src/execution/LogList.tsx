import type { LogEntry } from '@flowloom/core';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { VirtualList } from './VirtualList';

/** Props of {@link LogList}. */
export interface LogListProps {
  /** The log lines to show, in the order given. */
  logs: readonly LogEntry[];
  /** The list's viewport height in px; CSS sizes it otherwise. */
  height?: number;
  /** Step names (labels) by id: a step shows by its name, its id in the tooltip. */
  stepNames?: Readonly<Record<string, string>>;
}

/** Height of one log row in px (the CSS keeps rows to one line). */
export const LOG_ROW_HEIGHT = 24;

/** A run's log lines, virtualised: time, level, step and message. */
export function LogList({ logs, height, stepNames }: LogListProps) {
  const { format } = useI18n();
  const activityWords = useMessages('activity', enRuns.activity);
  return (
    <VirtualList
      className="flowloom-log-list"
      aria-label={activityWords.logs}
      items={logs}
      rowHeight={LOG_ROW_HEIGHT}
      height={height}
      getKey={(log) => log.seq}
      empty={activityWords.noLogs}
      renderRow={(log) => (
        <div className={`flowloom-log flowloom-log--${log.level}`} data-level={log.level}>
          <time className="flowloom-log__time" dateTime={log.timestamp}>
            {format.clockTime(log.timestamp)}
          </time>
          <span className="flowloom-log__level">
            {activityWords.levels[log.level] ?? log.level}
          </span>
          <span className="flowloom-log__step" title={log.step_id ?? undefined}>
            {log.step_id == null ? '' : (stepNames?.[log.step_id] ?? log.step_id)}
          </span>
          <span className="flowloom-log__message" title={log.message}>
            {log.message}
          </span>
        </div>
      )}
    />
  );
}
