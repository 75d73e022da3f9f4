import type { PruneInstancesOptions } from '@flowloom/core';
import type { SummaryDialect } from './instanceSummaryQueries';
import type { Query } from './postgresQueries';

/** The statuses of a finished run. */
const FINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const;

/** The statuses of a finished run, as an SQL list. */
const FINAL_LIST = `(${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** A finished run, as SQL. */
const FINISHED = `status IN ${FINAL_LIST}`;

type PruneDialect = Pick<SummaryDialect, 'table' | 'instanceId' | 'bind'> & {
  /** `finished_at` as it compares byte by byte (`finished_at COLLATE "C"` in PostgreSQL). */
  finishedAt: string;
  /**
   * `instance_id` matching the ids a subquery selects: `IN (…)` unless given. PostgreSQL takes
   * `= ANY(ARRAY(…))`, which it reads as a list of ids to find through the primary key, where
   * `IN` may lead it to hash-join the whole table against a few hundred ids.
   */
  idIn?: (subquery: string) => string;
};

/**
 * The `DELETE` of `pruneInstances`, for SQLite and PostgreSQL alike, or `undefined` when no
 * bound is given: finished runs that finished before `finishedBefore`, and those of a saved
 * workflow past its newest `keepPerWorkflow` finished runs, at most `limit` of them, never one
 * whose parent run is stored and not finished. Events and logs go with them (ON DELETE CASCADE).
 *
 * @remarks With `workflowId` (as retention calls it) the work is one workflow's: its cutoff —
 * the newest run past `keepPerWorkflow` — comes from at most `keepPerWorkflow + 1` entries per
 * final status of the `(workflow_id, status, created_at, instance_id)` index, and the runs
 * deleted are an index range older than it. Without it, `keepPerWorkflow` ranks the runs of
 * every workflow, which reads the whole table.
 */
export function pruneInstancesQuery(
  options: PruneInstancesOptions,
  dialect: PruneDialect,
): Query | undefined {
  if (options.finishedBefore === undefined && options.keepPerWorkflow === undefined) {
    return undefined;
  }
  const values: Array<string | number> = [];
  // SQLite's `?` are numbered by where they appear: bind in the order of the text.
  const bind = (value: string | number) => {
    values.push(value);
    return dialect.bind(value);
  };
  const keep =
    options.keepPerWorkflow === undefined
      ? undefined
      : Math.max(0, Math.floor(options.keepPerWorkflow));
  const { workflowId } = options;
  const cutoff =
    keep !== undefined && workflowId !== undefined
      ? `WITH cutoff AS (${cutoffQuery(workflowId, keep, dialect, bind)})\n`
      : '';
  const filters = [FINISHED];
  if (workflowId !== undefined) filters.push(`workflow_id = ${bind(workflowId)}`);
  const bounds: string[] = [];
  if (options.finishedBefore !== undefined) {
    const before = bind(options.finishedBefore);
    const orCreated = bind(options.finishedBefore);
    bounds.push(
      `${dialect.finishedAt} < ${before} OR (finished_at IS NULL AND created_at < ${orCreated})`,
    );
  }
  if (keep !== undefined) {
    bounds.push(
      workflowId !== undefined
        ? `created_at <= (SELECT created_at FROM cutoff)
          AND (created_at < (SELECT created_at FROM cutoff)
            OR ${dialect.instanceId} <= (SELECT instance_id FROM cutoff))`
        : rankedBound(keep, dialect, bind),
    );
  }
  filters.push(`(${bounds.map((bound) => `(${bound})`).join(' OR ')})`);
  // A parent that runs on (or waits) still reads its finished children's outputs.
  filters.push(`NOT EXISTS (
        SELECT 1 FROM ${dialect.table} AS parent
        WHERE parent.instance_id = doomed.parent_instance_id AND parent.status NOT IN ${FINAL_LIST})`);
  const limit = bind(Math.max(0, Math.floor(options.limit)));
  const doomed = `SELECT instance_id FROM ${dialect.table} AS doomed
      WHERE ${filters.join('\n        AND ')}
      LIMIT ${limit}`;
  const idIn = dialect.idIn ?? ((subquery: string) => `IN (${subquery})`);
  return {
    text: `${cutoff}DELETE FROM ${dialect.table} WHERE instance_id ${idIn(doomed)}`,
    values,
  };
}

/**
 * The `created_at` and `instance_id` of a workflow's newest finished run past its newest
 * `keep` (none when it has no more): the newest `keep + 1` of each final status, read in index
 * order, merged, then `OFFSET keep`.
 */
function cutoffQuery(
  workflowId: string,
  keep: number,
  dialect: PruneDialect,
  bind: (value: string | number) => string,
): string {
  const order = `ORDER BY created_at DESC, ${dialect.instanceId} DESC`;
  const newest = FINAL_STATUSES.map(
    (status) => `SELECT created_at, instance_id FROM (
        SELECT created_at, instance_id FROM ${dialect.table}
        WHERE workflow_id = ${bind(workflowId)} AND status = '${status}'
        ${order} LIMIT ${bind(keep + 1)}) AS newest_${status}`,
  );
  return `SELECT created_at, instance_id FROM (${newest.join('\n      UNION ALL ')}) AS newest
      ${order} LIMIT 1 OFFSET ${bind(keep)}`;
}

/** Runs of any saved workflow past its newest `keep` finished runs: ranks the whole table. */
function rankedBound(
  keep: number,
  dialect: PruneDialect,
  bind: (value: string | number) => string,
): string {
  return `instance_id IN (
      SELECT instance_id FROM (
        SELECT instance_id, ROW_NUMBER() OVER (
          PARTITION BY workflow_id ORDER BY created_at DESC, ${dialect.instanceId} DESC
        ) AS position
        FROM ${dialect.table} WHERE workflow_id IS NOT NULL AND ${FINISHED}
      ) ranked WHERE position > ${bind(keep)})`;
}
