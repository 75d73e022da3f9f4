import type { PruneInstancesOptions } from '@flowloom/core';
import type { SummaryDialect } from './instanceSummaryQueries';
import type { Query } from './postgresQueries';

/** The statuses of a finished run, as SQL. */
const FINISHED = "status IN ('completed', 'failed', 'cancelled')";

/**
 * The `DELETE` of `pruneInstances`, for SQLite and PostgreSQL alike, or `undefined` when no
 * bound is given: finished runs that finished before `finishedBefore`, and those of a saved
 * workflow past its newest `keepPerWorkflow` finished runs, at most `limit` of them. Events and
 * logs go with them (ON DELETE CASCADE).
 */
export function pruneInstancesQuery(
  options: PruneInstancesOptions,
  dialect: Pick<SummaryDialect, 'table' | 'instanceId' | 'bind'> & {
    /** `finished_at` as it compares byte by byte (`finished_at COLLATE "C"` in PostgreSQL). */
    finishedAt: string;
  },
): Query | undefined {
  const values: Array<string | number> = [];
  const bind = (value: string | number) => {
    values.push(value);
    return dialect.bind(value);
  };
  const bounds: string[] = [];
  if (options.finishedBefore !== undefined) {
    const before = bind(options.finishedBefore);
    const orCreated = bind(options.finishedBefore);
    bounds.push(
      `${dialect.finishedAt} < ${before} OR (finished_at IS NULL AND created_at < ${orCreated})`,
    );
  }
  if (options.keepPerWorkflow !== undefined) {
    const keep = bind(Math.max(0, Math.floor(options.keepPerWorkflow)));
    bounds.push(`instance_id IN (
      SELECT instance_id FROM (
        SELECT instance_id, ROW_NUMBER() OVER (
          PARTITION BY workflow_id ORDER BY created_at DESC, ${dialect.instanceId} DESC
        ) AS position
        FROM ${dialect.table} WHERE workflow_id IS NOT NULL AND ${FINISHED}
      ) ranked WHERE position > ${keep})`);
  }
  if (bounds.length === 0) return undefined;
  const limit = bind(Math.max(0, Math.floor(options.limit)));
  return {
    text: `DELETE FROM ${dialect.table} WHERE instance_id IN (
      SELECT instance_id FROM ${dialect.table}
      WHERE ${FINISHED} AND (${bounds.map((bound) => `(${bound})`).join(' OR ')})
      LIMIT ${limit})`,
    values,
  };
}
