import { type DueWait, ErrorCode, FlowloomError, type WorkflowInstance } from '@flowloom/core';
import type Database from 'better-sqlite3';
import { SQLITE_INSTANCE_COLUMNS, type SqliteInstanceRow } from './prepareSqliteStatements';
import { instanceFromSqlite } from './sqliteRows';

/** Bound on one listing: the waker asks again for the rest. */
const MAX_LIMIT = 1_000;

/**
 * The durable-wait methods of a `SqliteStore`: a waiting run's wake time is a column of its
 * instance row, written with its status in one statement, and listed by the waker through the
 * `(status, wake_at)` index.
 */
export class SqliteWaits {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      markWaiting: db.prepare<[string | null, string, string], SqliteInstanceRow>(
        `UPDATE workflow_instances SET status = 'waiting', wake_at = ?, updated_at = ?
          WHERE instance_id = ? RETURNING ${SQLITE_INSTANCE_COLUMNS}`,
      ),
      advanceWake: db.prepare<[string, string, string]>(
        `UPDATE workflow_instances SET wake_at = ?
          WHERE instance_id = ? AND status = 'waiting' AND (wake_at IS NULL OR wake_at > ?)`,
      ),
      // The status check is in the write: of two processes claiming at once, one changes the row.
      claimWaiting: db.prepare<[string, string], SqliteInstanceRow>(
        `UPDATE workflow_instances SET status = 'running', updated_at = ?
          WHERE instance_id = ? AND status = 'waiting' RETURNING ${SQLITE_INSTANCE_COLUMNS}`,
      ),
      listDue: db.prepare<[string, number], DueWait>(
        `SELECT instance_id, wake_at FROM workflow_instances
          WHERE status = 'waiting' AND wake_at IS NOT NULL AND wake_at <= ?
          ORDER BY wake_at, instance_id LIMIT ?`,
      ),
    };
  }

  markWaiting(instanceId: string, wakeAt: string | null): WorkflowInstance {
    const row = this.statements.markWaiting.get(wakeAt, new Date().toISOString(), instanceId);
    if (!row) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    }
    return instanceFromSqlite(row);
  }

  advanceWake(instanceId: string, wakeAt: string): boolean {
    return this.statements.advanceWake.run(wakeAt, instanceId, wakeAt).changes > 0;
  }

  claimWaiting(instanceId: string): WorkflowInstance | null {
    const row = this.statements.claimWaiting.get(new Date().toISOString(), instanceId);
    return row ? instanceFromSqlite(row) : null;
  }

  listDue(options: { now: string; limit: number }): DueWait[] {
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(options.limit)));
    return this.statements.listDue.all(options.now, limit).map((row) => ({ ...row }));
  }
}
