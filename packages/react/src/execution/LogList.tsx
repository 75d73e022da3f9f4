import type { LogEntry } from '@flowloom/core';
import { formatClockTime } from './formatClockTime';
import { VirtualList } from './VirtualList';

/** Props of {@link LogList}. */
export interface LogListProps {
  /** The log lines to show, in the order given. */
  logs: readonly LogEntry[];
  /** The list's viewport height in px; CSS sizes it otherwise. */
  height?: number;
}

/** Height of one log row in px (the CSS keeps rows to one line). */
export const LOG_ROW_HEIGHT = 24;

/** A run's log lines, virtualised: time, level, step and message. */
export function LogList({ logs, height }: LogListProps) {
  return (
    <VirtualList
      className="flowloom-log-list"
      aria-label="Logs"
      items={logs}
      rowHeight={LOG_ROW_HEIGHT}
      height={height}
      getKey={(log) => log.seq}
      empty="No logs yet."
      renderRow={(log) => (
        <div className={`flowloom-log flowloom-log--${log.level}`} data-level={log.level}>
          <time className="flowloom-log__time" dateTime={log.timestamp}>
            {formatClockTime(log.timestamp)}
          </time>
          <span className="flowloom-log__level">{log.level}</span>
          <span className="flowloom-log__step">{log.step_id ?? ''}</span>
          <span className="flowloom-log__message" title={log.message}>
            {log.message}
          </span>
        </div>
      )}
    />
  );
}
