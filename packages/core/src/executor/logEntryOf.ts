import type { ExecutionEventOf } from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';

/** The log entry a `log` event carries, in the shape the store keeps and the logs endpoint returns. */
export function logEntryOf(event: ExecutionEventOf<'log'>): LogEntry {
  const entry: LogEntry = {
    instance_id: event.instance_id,
    seq: event.seq,
    step_id: event.step_id ?? null,
    level: event.data.level,
    message: event.data.message,
    timestamp: event.timestamp,
  };
  if (event.data.data !== undefined) entry.data = event.data.data;
  return entry;
}
