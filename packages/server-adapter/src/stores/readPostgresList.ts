import type { Pool } from 'pg';
import type { Query } from './postgresQueries';

/** The two queries of a list: its page and its total. */
export interface PostgresListQueries {
  page: Query;
  count: Query;
}

/** Runs a list's page and count queries together. */
export async function readPostgresList<Row extends object>(
  pool: Pool,
  queries: PostgresListQueries,
): Promise<{ rows: Row[]; total: number }> {
  const [page, count] = await Promise.all([
    pool.query<Row>(queries.page.text, queries.page.values),
    pool.query<{ total: string }>(queries.count.text, queries.count.values),
  ]);
  return { rows: page.rows, total: Number(count.rows[0]!.total) };
}
