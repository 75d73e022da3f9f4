import { type DueWait, ErrorCode, FlowloomError, type WorkflowInstance } from '@flowloom/core';
import type { Pool } from 'pg';
import { PG_INSTANCE_COLUMNS } from './postgresQueries';
import { instanceFromPostgres, type PgInstanceRow } from './postgresRows';
import { fromPostgresText, toPostgresText as text } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

/** Bound on one listing: the waker asks again for the rest. */
const MAX_LIMIT = 1_000;

/**
 * The durable-wait methods of a `PostgresStore`: a waiting run's wake time is a column of its
 * instance row, written with its status in one statement, and listed by the waker through the
 * `(status, wake_at)` index. Each waits for the store's migration first.
 */
export class PostgresWaits {
  private readonly sql;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly migrate: () => Promise<void>,
  ) {
    const instances = `${quoteIdentifier(schema)}.workflow_instances`;
    this.sql = {
      markWaiting: `UPDATE ${instances} SET status = 'waiting', wake_at = $2, updated_at = $3
         WHERE instance_id = $1 RETURNING ${PG_INSTANCE_COLUMNS}`,
      advanceWake: `UPDATE ${instances} SET wake_at = $2
         WHERE instance_id = $1 AND status = 'waiting' AND (wake_at IS NULL OR wake_at > $2)`,
      // The status check is in the write: of two processes claiming at once, one changes the row.
      claimWaiting: `UPDATE ${instances} SET status = 'running', updated_at = $2
         WHERE instance_id = $1 AND status = 'waiting' RETURNING ${PG_INSTANCE_COLUMNS}`,
      listDue: `SELECT instance_id, wake_at FROM ${instances}
         WHERE status = 'waiting' AND wake_at IS NOT NULL AND wake_at <= $1
         ORDER BY wake_at, instance_id COLLATE "C" LIMIT $2`,
    };
  }

  async markWaiting(instanceId: string, wakeAt: string | null): Promise<WorkflowInstance> {
    await this.migrate();
    const { rows } = await this.pool.query<PgInstanceRow>(this.sql.markWaiting, [
      text(instanceId),
      wakeAt,
      new Date().toISOString(),
    ]);
    if (!rows[0]) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    }
    return instanceFromPostgres(rows[0]);
  }

  async advanceWake(instanceId: string, wakeAt: string): Promise<boolean> {
    await this.migrate();
    const result = await this.pool.query(this.sql.advanceWake, [text(instanceId), wakeAt]);
    return (result.rowCount ?? 0) > 0;
  }

  async claimWaiting(instanceId: string): Promise<WorkflowInstance | null> {
    await this.migrate();
    const { rows } = await this.pool.query<PgInstanceRow>(this.sql.claimWaiting, [
      text(instanceId),
      new Date().toISOString(),
    ]);
    return rows[0] ? instanceFromPostgres(rows[0]) : null;
  }

  async listDue(options: { now: string; limit: number }): Promise<DueWait[]> {
    await this.migrate();
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(options.limit)));
    const { rows } = await this.pool.query<{ instance_id: string; wake_at: string }>(
      this.sql.listDue,
      [options.now, limit],
    );
    return rows.map((row) => ({
      instance_id: fromPostgresText(row.instance_id),
      wake_at: row.wake_at,
    }));
  }
}
