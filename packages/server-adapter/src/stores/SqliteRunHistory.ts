import {
  ErrorCode,
  encodeInstanceCursor,
  FlowloomError,
  type InstanceStatus,
  type InstanceSummaryPage,
  type ListInstanceSummariesOptions,
  type PruneInstancesOptions,
} from '@flowloom/core';
import type Database from 'better-sqlite3';
import { instanceSummaryQueries, type SummaryDialect } from './instanceSummaryQueries';
import { pageBounds } from './pageBounds';
import { pruneInstancesQuery } from './pruneInstancesQuery';
import { type InstanceSummaryRow, instanceSummaryFromRow } from './recordsFromRows';

type SqliteSummaryRow = Omit<InstanceSummaryRow, 'progress' | 'error'> & {
  progress: string | null;
  error: string | null;
};

const SUMMARY_COLUMNS = `instance_id, workflow_id, name, status, workflow_version, created_by,
  tenant_id, created_at, started_at, finished_at, progress, error, trigger_type, trigger_step_id,
  parent_instance_id`;

/**
 * The run-history methods of a `SqliteStore`: run lists that never read a document, deletion
 * checked against the status in the same statement, and retention in bounded batches.
 */
export class SqliteRunHistory {
  private readonly statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(private readonly db: Database.Database) {}

  /** A statement, prepared on first use and kept: each filter combination is its own. */
  private prepared(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  listSummaries(options: ListInstanceSummariesOptions): InstanceSummaryPage {
    const page = pageBounds(options);
    const queries = instanceSummaryQueries(options, page, () => DIALECT);
    // One read transaction, so the page and the total come from the same snapshot.
    const { rows, total } = this.db.transaction(() => ({
      rows: this.prepared(queries.page.text).all(...queries.page.values) as SqliteSummaryRow[],
      total: (this.prepared(queries.count.text).get(...queries.count.values) as { total: number })
        .total,
    }))();
    const more = rows.length > page.limit;
    const instances = rows.slice(0, page.limit).map((row) =>
      instanceSummaryFromRow({
        ...row,
        progress: row.progress === null ? null : JSON.parse(row.progress),
        error: row.error === null ? null : JSON.parse(row.error),
      }),
    );
    const last = instances.at(-1);
    return { instances, total, next_cursor: more && last ? encodeInstanceCursor(last) : null };
  }

  delete(instanceId: string, statuses: readonly InstanceStatus[] | undefined): boolean {
    const allowed = statuses === undefined ? null : JSON.stringify(statuses);
    // The status is checked by the DELETE itself: a run that starts meanwhile is not deleted.
    const deleted = this.prepared(
      `DELETE FROM workflow_instances WHERE instance_id = ?
         AND (? IS NULL OR status IN (SELECT value FROM json_each(?)))`,
    ).run(instanceId, allowed, allowed).changes;
    if (deleted > 0) return true;
    const row = this.prepared('SELECT status FROM workflow_instances WHERE instance_id = ?').get(
      instanceId,
    ) as { status: string } | undefined;
    if (!row) return false;
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" can't be deleted while ${row.status}`,
    );
  }

  prune(options: PruneInstancesOptions): number {
    const query = pruneInstancesQuery(options, { ...DIALECT, finishedAt: 'finished_at' });
    if (!query) return 0;
    const remove = this.prepared(query.text);
    return this.db.transaction(() => remove.run(...query.values).changes).immediate();
  }

  runWorkflowIds(options: { after?: string; limit: number }): string[] {
    // One index seek per id (SQLite reads MIN of an indexed column off the index).
    const first = this.prepared(
      'SELECT MIN(workflow_id) AS id FROM workflow_instances WHERE workflow_id >= ?',
    );
    const next = this.prepared(
      'SELECT MIN(workflow_id) AS id FROM workflow_instances WHERE workflow_id > ?',
    );
    const ids: string[] = [];
    let after = options.after;
    const limit = Math.max(0, Math.floor(options.limit));
    while (ids.length < limit) {
      const row = (after === undefined ? first.get('') : next.get(after)) as { id: string | null };
      if (row.id === null) break;
      ids.push(row.id);
      after = row.id;
    }
    return ids;
  }
}

const DIALECT: SummaryDialect = {
  table: 'workflow_instances',
  columns: SUMMARY_COLUMNS,
  instanceId: 'instance_id',
  bind: () => '?',
};
