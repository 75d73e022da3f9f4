import type { Pool } from 'pg';
import { toPostgresText as text } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

/**
 * The run-tree method of a `PostgresStore`: the runs of one tree of sub-workflows, counted
 * through the `root_instance_id` index (for `limits.maxRunsPerTree`). Waits for the store's
 * migration first.
 */
export class PostgresRunTrees {
  private readonly sql: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly migrate: () => Promise<void>,
  ) {
    this.sql = `SELECT COUNT(*)::int AS runs FROM ${quoteIdentifier(schema)}.workflow_instances
      WHERE root_instance_id = $1`;
  }

  async countTreeRuns(rootInstanceId: string): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ runs: number }>(this.sql, [text(rootInstanceId)]);
    return rows[0]?.runs ?? 0;
  }
}
