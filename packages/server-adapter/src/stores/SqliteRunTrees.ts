import type Database from 'better-sqlite3';

/**
 * The run-tree method of a `SqliteStore`: the runs of one tree of sub-workflows, counted
 * through the `root_instance_id` index (for `limits.maxRunsPerTree`).
 */
export class SqliteRunTrees {
  private readonly count;

  constructor(db: Database.Database) {
    this.count = db.prepare<[string], { runs: number }>(
      'SELECT COUNT(*) AS runs FROM workflow_instances WHERE root_instance_id = ?',
    );
  }

  countTreeRuns(rootInstanceId: string): number {
    return this.count.get(rootInstanceId)?.runs ?? 0;
  }
}
