import { decodeInstanceCursor, type ListInstanceSummariesOptions } from '@flowloom/core';
import { listConditions } from './listWhereClause';
import type { Query } from './postgresQueries';

/** How one SQL dialect writes the parts of a run-list query that differ. */
export interface SummaryDialect {
  /** The `workflow_instances` table, schema-qualified where needed. */
  table: string;
  /** The summary columns, JSON ones read as text. */
  columns: string;
  /**
   * `instance_id` as the list orders and compares it: byte by byte, as the cursor does
   * (`instance_id COLLATE "C"` in PostgreSQL, whose default collation is the locale's).
   */
  instanceId: string;
  /** Records a value and returns its placeholder (`?`, `$n`). */
  bind: (value: string | number) => string;
}

/**
 * The page and the count queries of `listInstanceSummaries`, for SQLite and PostgreSQL alike:
 * every filter a condition, newest first by `created_at` then `instance_id`, one row more than
 * the page (to tell whether another follows). The count leaves the cursor out: it is the total
 * of the whole filtered list.
 */
export function instanceSummaryQueries(
  options: ListInstanceSummariesOptions,
  page: { limit: number; offset: number },
  makeDialect: () => SummaryDialect,
): { page: Query; count: Query } {
  const cursor = options.cursor === undefined ? undefined : decodeInstanceCursor(options.cursor);
  return {
    page: build(makeDialect(), options, (dialect, conditions) => {
      if (cursor) {
        const at = dialect.bind(cursor.created_at);
        const same = dialect.bind(cursor.created_at);
        const id = dialect.bind(cursor.instance_id);
        conditions.push(
          `(created_at < ${at} OR (created_at = ${same} AND ${dialect.instanceId} < ${id}))`,
        );
      }
      const limit = dialect.bind(page.limit + 1);
      const offset = dialect.bind(cursor ? 0 : page.offset);
      return `SELECT ${dialect.columns} FROM ${dialect.table} ${where(conditions)}
        ORDER BY created_at DESC, ${dialect.instanceId} DESC LIMIT ${limit} OFFSET ${offset}`;
    }),
    count: build(
      makeDialect(),
      options,
      (dialect, conditions) =>
        `SELECT COUNT(*) AS total FROM ${dialect.table} ${where(conditions)}`,
    ),
  };
}

/** A query from the filters' conditions and what `finish` adds; its values in bind order. */
function build(
  dialect: SummaryDialect,
  options: ListInstanceSummariesOptions,
  finish: (dialect: SummaryDialect, conditions: string[]) => string,
): Query {
  const values: Array<string | number> = [];
  const bind = dialect.bind;
  const recording: SummaryDialect = {
    ...dialect,
    bind: (value) => {
      values.push(value);
      return bind(value);
    },
  };
  const conditions = listConditions(options, recording.bind);
  if (options.workflow_id !== undefined) {
    conditions.push(`workflow_id = ${recording.bind(options.workflow_id)}`);
  }
  if (options.statuses && options.statuses.length > 0) {
    const placeholders = options.statuses.map((status) => recording.bind(status));
    conditions.push(`status IN (${placeholders.join(', ')})`);
  }
  if (options.created_after !== undefined) {
    conditions.push(`created_at > ${recording.bind(options.created_after)}`);
  }
  if (options.created_before !== undefined) {
    conditions.push(`created_at < ${recording.bind(options.created_before)}`);
  }
  if (options.trigger_type !== undefined) {
    conditions.push(`trigger_type = ${recording.bind(options.trigger_type)}`);
  }
  if (options.parent_instance_id !== undefined) {
    conditions.push(`parent_instance_id = ${recording.bind(options.parent_instance_id)}`);
  }
  const text = finish(recording, conditions);
  return { text, values };
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
