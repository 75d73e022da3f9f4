import type { ExecutionEventOf, LogEntry } from '@flowloom/core';

/** The log entry a `log` event carries, in the shape of the logs endpoint's entries. */
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
