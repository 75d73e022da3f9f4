import type { ExecutionEvent, LogEntry } from '@flowloom/core';
import type { Pool, QueryResultRow } from 'pg';
import { journalError, seqConflict } from './journalErrors';
import { pageBounds } from './pageBounds';
import type { PostgresQueries } from './postgresQueries';
import { eventFromPostgres, logFromPostgres, type PgEventRow, type PgLogRow } from './postgresRows';
import { toPostgresText as text, toPostgresJson } from './postgresText';

/**
 * The journal methods of a `PostgresStore`: a run's events (a batch stored whole or not at all,
 * each `seq` once) and its log lines. Each waits for the store's migration first.
 */
export class PostgresJournal {
  constructor(
    private readonly pool: Pool,
    private readonly sql: PostgresQueries,
    private readonly migrate: () => Promise<void>,
  ) {}

  async appendEvents(events: readonly ExecutionEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.migrate();
    try {
      const instanceIds = [...new Set(events.map((event) => event.instance_id))];
      const { rows } = await this.pool.query<{ instance_id: string; seq: number }>(
        this.sql.lastEventSeqs,
        [instanceIds.map((id) => text(id))],
      );
      const lastSeqs = new Map(rows.map((row) => [row.instance_id, row.seq]));
      for (const event of events) {
        if (event.seq <= (lastSeqs.get(text(event.instance_id)) ?? 0)) throw seqConflict(event);
        lastSeqs.set(text(event.instance_id), event.seq);
      }
      // One INSERT for the batch: a statement is its own transaction, so a refused row (a seq
      // another writer stored meanwhile, an unknown instance) stores none of the batch. The
      // batch is escaped as a whole: its strings reach the text columns escaped as text.
      await this.pool.query(this.sql.insertEvents, [
        toPostgresJson(
          events.map((event) => ({
            instance_id: event.instance_id,
            seq: event.seq,
            event_type: event.event_type,
            step_id: event.step_id ?? null,
            timestamp: event.timestamp,
            data: event.data,
          })),
        ),
      ]);
    } catch (error) {
      throw journalError(error, events);
    }
  }

  async lastEventSeq(instanceId: string): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ seq: number }>(this.sql.lastEventSeq, [
      text(instanceId),
    ]);
    return rows[0]!.seq;
  }

  async listEvents(
    instanceId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ExecutionEvent[]> {
    const rows = await this.listAfter<PgEventRow>(
      this.sql.listEvents,
      instanceId,
      options.afterSeq,
      options.limit,
    );
    return rows.map(eventFromPostgres);
  }

  async appendLogs(logs: readonly LogEntry[]): Promise<void> {
    if (logs.length === 0) return;
    await this.migrate();
    try {
      await this.pool.query(this.sql.insertLogs, [
        toPostgresJson(
          logs.map((entry) => ({
            instance_id: entry.instance_id,
            seq: entry.seq,
            step_id: entry.step_id,
            level: entry.level,
            message: entry.message,
            has_data: entry.data !== undefined,
            data: entry.data ?? null,
            timestamp: entry.timestamp,
          })),
        ),
      ]);
    } catch (error) {
      throw journalError(error, logs);
    }
  }

  async trimLogs(instanceId: string, beforeSeq: number, keepSeq = 0): Promise<void> {
    await this.migrate();
    await this.pool.query(this.sql.trimLogs, [text(instanceId), beforeSeq, keepSeq]);
  }

  async listLogs(
    instanceId: string,
    options: { since?: number; limit?: number } = {},
  ): Promise<LogEntry[]> {
    const rows = await this.listAfter<PgLogRow>(
      this.sql.listLogs,
      instanceId,
      options.since,
      options.limit,
    );
    return rows.map(logFromPostgres);
  }

  /** A run's rows past `seq` (from the first when absent), in order, at most `limit`. */
  private async listAfter<Row extends QueryResultRow>(
    query: string,
    instanceId: string,
    seq: number | undefined,
    limit: number | undefined,
  ): Promise<Row[]> {
    await this.migrate();
    const { rows } = await this.pool.query<Row>(query, [
      text(instanceId),
      seq ?? 0,
      postgresLimit(limit),
    ]);
    return rows;
  }
}

/** `LIMIT NULL` is no limit. */
function postgresLimit(limit: number | undefined): number | null {
  return limit === undefined ? null : pageBounds({ limit }).limit;
}
