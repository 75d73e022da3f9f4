import { type ExecutionEvent, type LogEntry, STORED } from '@flowloom/core';
import type Database from 'better-sqlite3';
import { journalError, seqConflict } from './journalErrors';
import { pageBounds } from './pageBounds';
import type { SqliteStatements } from './prepareSqliteStatements';
import { eventFromRow, logFromRow } from './recordsFromRows';

/**
 * The events and logs of a `SqliteStore`, apart so the store stays readable. Appends are
 * synchronous (better-sqlite3 is), one transaction per batch made once and kept.
 */
export class SqliteJournal {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
  ) {}

  private appendEventsTransaction:
    | Database.Transaction<(events: readonly ExecutionEvent[]) => void>
    | undefined;

  /**
   * Synchronous, in one transaction per batch (a refused event rolls back the events before
   * it): returns `STORED` once committed, so the engine goes on in the same turn, or a rejected
   * promise.
   */
  appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    if (events.length === 0) return STORED;
    this.appendEventsTransaction ??= this.db.transaction((batch: readonly ExecutionEvent[]) => {
      const { insertEvent, lastEventSeq } = this.statements;
      let instanceId = '';
      let lastSeq = 0;
      for (const event of batch) {
        if (event.instance_id !== instanceId) {
          instanceId = event.instance_id;
          lastSeq = lastEventSeq.get(instanceId)!.seq;
        }
        if (event.seq <= lastSeq) throw seqConflict(event);
        insertEvent.run(
          event.instance_id,
          event.seq,
          event.event_type,
          event.step_id ?? null,
          event.timestamp,
          JSON.stringify(event.data),
        );
        lastSeq = event.seq;
      }
    });
    try {
      this.appendEventsTransaction.immediate(events);
      return STORED;
    } catch (error) {
      return Promise.reject(journalError(error, events));
    }
  }

  lastEventSeq(instanceId: string): number {
    return this.statements.lastEventSeq.get(instanceId)!.seq;
  }

  listEvents(instanceId: string, options: { afterSeq?: number; limit?: number }): ExecutionEvent[] {
    return this.statements.listEvents
      .all(instanceId, options.afterSeq ?? 0, sqliteLimit(options.limit))
      .map((row) => eventFromRow({ ...row, data: JSON.parse(row.data!) }));
  }

  private appendLogsTransaction:
    | Database.Transaction<(logs: readonly LogEntry[]) => void>
    | undefined;

  /** Synchronous, in one transaction: returns `STORED` once committed, or a rejected promise. */
  appendLogs(logs: readonly LogEntry[]): Promise<void> {
    if (logs.length === 0) return STORED;
    this.appendLogsTransaction ??= this.db.transaction((batch: readonly LogEntry[]) => {
      const { insertLog } = this.statements;
      for (const entry of batch) {
        insertLog.run(
          entry.instance_id,
          entry.seq,
          entry.step_id,
          entry.level,
          entry.message,
          // NULL means "no data"; a `null` value is stored as the JSON text `null`.
          entry.data === undefined ? null : JSON.stringify(entry.data),
          entry.timestamp,
        );
      }
    });
    try {
      this.appendLogsTransaction.immediate(logs);
      return STORED;
    } catch (error) {
      return Promise.reject(journalError(error, logs));
    }
  }

  trimLogs(instanceId: string, beforeSeq: number, keepSeq: number): void {
    this.statements.trimLogs.run(instanceId, beforeSeq, keepSeq);
  }

  listLogs(instanceId: string, options: { since?: number; limit?: number }): LogEntry[] {
    return this.statements.listLogs
      .all(instanceId, options.since ?? 0, sqliteLimit(options.limit))
      .map((row) =>
        logFromRow({ ...row, data: row.data === null ? undefined : JSON.parse(row.data) }),
      );
  }
}

/** better-sqlite3 reads `LIMIT -1` as no limit. */
function sqliteLimit(limit: number | undefined): number {
  return limit === undefined ? -1 : pageBounds({ limit }).limit;
}
