import { ErrorCode, FlowloomError, type WorkflowActivation } from '@flowloom/core';
import type { Pool } from 'pg';
import { fromPostgresText, toPostgresText as text } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

const COLUMNS = 'workflow_id, active_version, activated_at';
/** PostgreSQL's integer stops at 2^31 - 1: a larger version is one no workflow has. */
const MAX_VERSION = 2_147_483_647;

/**
 * The activation methods of a `PostgresStore`, apart so the store stays readable. A row of
 * `workflow_activations` is an active workflow; each write checks the version it names exists
 * in the same statement. Each waits for the store's migration first.
 */
export class PostgresActivations {
  private readonly sql;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly migrate: () => Promise<void>,
  ) {
    const activations = `${quoteIdentifier(schema)}.workflow_activations`;
    const versions = `${quoteIdentifier(schema)}.workflow_versions`;
    this.sql = {
      activate: `INSERT INTO ${activations} (${COLUMNS})
          SELECT workflow_id, version, $3 FROM ${versions} WHERE workflow_id = $1 AND version = $2
        ON CONFLICT (workflow_id) DO UPDATE
          SET active_version = excluded.active_version, activated_at = excluded.activated_at
        RETURNING ${COLUMNS}`,
      switchVersion: `UPDATE ${activations} SET active_version = $2, activated_at = $3
         WHERE workflow_id = $1 AND active_version < $2
           AND EXISTS (SELECT 1 FROM ${versions} WHERE workflow_id = $1 AND version = $2)
        RETURNING ${COLUMNS}`,
      deactivate: `DELETE FROM ${activations} WHERE workflow_id = $1`,
      select: `SELECT ${COLUMNS} FROM ${activations} WHERE workflow_id = $1`,
      list: `SELECT ${COLUMNS} FROM ${activations}`,
    };
  }

  async activate(workflowId: string, version: number): Promise<WorkflowActivation> {
    const row = isVersion(version)
      ? await this.one(this.sql.activate, [text(workflowId), version, new Date().toISOString()])
      : null;
    if (!row) {
      throw new FlowloomError(
        ErrorCode.NOT_FOUND,
        `Workflow "${workflowId}" does not exist or has no version ${version}`,
      );
    }
    return row;
  }

  async switchVersion(workflowId: string, version: number): Promise<WorkflowActivation | null> {
    const row = isVersion(version)
      ? await this.one(this.sql.switchVersion, [
          text(workflowId),
          version,
          new Date().toISOString(),
        ])
      : null;
    return row ?? this.get(workflowId);
  }

  async deactivate(workflowId: string): Promise<boolean> {
    await this.migrate();
    const result = await this.pool.query(this.sql.deactivate, [text(workflowId)]);
    return (result.rowCount ?? 0) > 0;
  }

  get(workflowId: string): Promise<WorkflowActivation | null> {
    return this.one(this.sql.select, [text(workflowId)]);
  }

  async list(): Promise<WorkflowActivation[]> {
    await this.migrate();
    const { rows } = await this.pool.query<WorkflowActivation>(this.sql.list);
    return rows.map(activationFromRow);
  }

  private async one(query: string, values: unknown[]): Promise<WorkflowActivation | null> {
    await this.migrate();
    const { rows } = await this.pool.query<WorkflowActivation>(query, values);
    return rows[0] ? activationFromRow(rows[0]) : null;
  }
}

function isVersion(version: number): boolean {
  return Number.isInteger(version) && version >= 1 && version <= MAX_VERSION;
}

function activationFromRow(row: WorkflowActivation): WorkflowActivation {
  return {
    workflow_id: fromPostgresText(row.workflow_id),
    active_version: row.active_version,
    activated_at: row.activated_at,
  };
}
