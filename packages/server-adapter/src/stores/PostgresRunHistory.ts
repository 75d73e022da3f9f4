import {
  ErrorCode,
  encodeInstanceCursor,
  FlowloomError,
  type InstanceStatus,
  type InstanceSummaryPage,
  type ListInstanceSummariesOptions,
  type ListInstancesOptions,
  type PruneInstancesOptions,
  type WorkflowInstance,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { instanceSummaryQueries, type SummaryDialect } from './instanceSummaryQueries';
import { pageBounds } from './pageBounds';
import { PG_INSTANCE_SUMMARY_COLUMNS, type PostgresQueries } from './postgresQueries';
import {
  instanceFromPostgres,
  instanceSummaryFromPostgres,
  type PgInstanceRow,
  type PgInstanceSummaryRow,
} from './postgresRows';
import { fromPostgresText, toPostgresText as text } from './postgresText';
import { pruneInstancesQuery } from './pruneInstancesQuery';
import { readPostgresList } from './readPostgresList';

/**
 * The run-history methods of a `PostgresStore`: run lists (summaries never read a document), deletion
 * checked against the status in the same statement, and retention in bounded batches. Each
 * waits for the store's migration first.
 */
export class PostgresRunHistory {
  constructor(
    private readonly pool: Pool,
    private readonly sql: PostgresQueries,
    private readonly migrate: () => Promise<void>,
  ) {}

  /** A fresh dialect: its placeholders count from `$1`; strings are escaped as stored. */
  private dialect(): SummaryDialect {
    let count = 0;
    return {
      table: this.sql.instancesTable,
      columns: PG_INSTANCE_SUMMARY_COLUMNS,
      // Byte order, as the cursor compares and as the indexes are built.
      instanceId: 'instance_id COLLATE "C"',
      bind: () => `$${++count}`,
    };
  }

  async listInstances(
    options: ListInstancesOptions,
  ): Promise<{ instances: WorkflowInstance[]; total: number }> {
    await this.migrate();
    const { rows, total } = await readPostgresList<PgInstanceRow>(
      this.pool,
      this.sql.listInstances(options, pageBounds(options)),
    );
    return { instances: rows.map(instanceFromPostgres), total };
  }

  async listSummaries(options: ListInstanceSummariesOptions): Promise<InstanceSummaryPage> {
    const page = pageBounds(options);
    const queries = instanceSummaryQueries(options, page, () => this.dialect());
    await this.migrate();
    const { rows, total } = await readPostgresList<PgInstanceSummaryRow>(this.pool, {
      page: { text: queries.page.text, values: queries.page.values.map(escaped) },
      count: { text: queries.count.text, values: queries.count.values.map(escaped) },
    });
    const more = rows.length > page.limit;
    const instances = rows.slice(0, page.limit).map(instanceSummaryFromPostgres);
    const last = instances.at(-1);
    return { instances, total, next_cursor: more && last ? encodeInstanceCursor(last) : null };
  }

  async delete(instanceId: string, statuses: readonly InstanceStatus[] | undefined) {
    await this.migrate();
    const result = await this.pool.query(this.sql.deleteInstance, [
      text(instanceId),
      statuses === undefined ? null : [...statuses],
    ]);
    if ((result.rowCount ?? 0) > 0) return true;
    const { rows } = await this.pool.query<{ status: string }>(this.sql.instanceStatus, [
      text(instanceId),
    ]);
    if (!rows[0]) return false;
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" can't be deleted while ${rows[0].status}`,
    );
  }

  async prune(options: PruneInstancesOptions): Promise<number> {
    const query = pruneInstancesQuery(options, {
      ...this.dialect(),
      finishedAt: 'finished_at COLLATE "C"',
      idIn: (subquery) => `= ANY(ARRAY(${subquery}))`,
    });
    if (!query) return 0;
    await this.migrate();
    // One statement, so one transaction per batch.
    const result = await this.pool.query(query.text, query.values.map(escaped));
    return result.rowCount ?? 0;
  }

  async runWorkflowIds(options: { after?: string; limit: number }): Promise<string[]> {
    await this.migrate();
    const table = this.sql.instancesTable;
    // A loose index scan: each step is one seek of the workflow_id index, and PostgreSQL
    // evaluates only as many steps as the LIMIT takes.
    const { rows } = await this.pool.query<{ workflow_id: string }>(
      `WITH RECURSIVE ids(workflow_id) AS (
        SELECT MIN(workflow_id) FROM ${table}
          WHERE workflow_id ${options.after === undefined ? '>=' : '>'} $1
        UNION ALL
        SELECT (SELECT MIN(workflow_id) FROM ${table} WHERE workflow_id > ids.workflow_id)
          FROM ids WHERE ids.workflow_id IS NOT NULL
      )
      SELECT workflow_id FROM ids WHERE workflow_id IS NOT NULL LIMIT $2`,
      [text(options.after ?? ''), Math.max(0, Math.floor(options.limit))],
    );
    return rows.map((row) => fromPostgresText(row.workflow_id));
  }
}

/** A value as the columns store it: strings escaped (see `postgresText.ts`). */
function escaped(value: unknown): unknown {
  return typeof value === 'string' ? text(value) : value;
}
