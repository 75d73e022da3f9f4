import { ErrorCode, FlowloomError, type WorkflowActivation } from '@flowloom/core';
import type Database from 'better-sqlite3';

const COLUMNS = 'workflow_id, active_version, activated_at';

/**
 * The activation methods of a `SqliteStore`, apart so the store stays readable. A row of
 * `workflow_activations` is an active workflow; each write checks the version it names exists
 * in the same statement.
 */
export class SqliteActivations {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      // The version must be one of the workflow's saved versions: no row, no activation.
      activate: db.prepare<[string, string, number], WorkflowActivation>(
        `INSERT INTO workflow_activations (${COLUMNS})
           SELECT workflow_id, version, ? FROM workflow_versions
            WHERE workflow_id = ? AND version = ?
         ON CONFLICT (workflow_id) DO UPDATE
           SET active_version = excluded.active_version, activated_at = excluded.activated_at
         RETURNING ${COLUMNS}`,
      ),
      switchVersion: db.prepare<
        { workflow_id: string; version: number; activated_at: string },
        WorkflowActivation
      >(
        `UPDATE workflow_activations
            SET active_version = @version, activated_at = @activated_at
          WHERE workflow_id = @workflow_id AND active_version < @version
            AND EXISTS (SELECT 1 FROM workflow_versions
                         WHERE workflow_id = @workflow_id AND version = @version)
         RETURNING ${COLUMNS}`,
      ),
      deactivate: db.prepare<[string]>('DELETE FROM workflow_activations WHERE workflow_id = ?'),
      select: db.prepare<[string], WorkflowActivation>(
        `SELECT ${COLUMNS} FROM workflow_activations WHERE workflow_id = ?`,
      ),
      list: db.prepare<[], WorkflowActivation>(`SELECT ${COLUMNS} FROM workflow_activations`),
    };
  }

  activate(workflowId: string, version: number): WorkflowActivation {
    const row = Number.isSafeInteger(version)
      ? this.statements.activate.get(new Date().toISOString(), workflowId, version)
      : undefined;
    if (!row) {
      throw new FlowloomError(
        ErrorCode.NOT_FOUND,
        `Workflow "${workflowId}" does not exist or has no version ${version}`,
      );
    }
    return { ...row };
  }

  switchVersion(workflowId: string, version: number): WorkflowActivation | null {
    const row = Number.isSafeInteger(version)
      ? this.statements.switchVersion.get({
          workflow_id: workflowId,
          version,
          activated_at: new Date().toISOString(),
        })
      : undefined;
    return row ? { ...row } : this.get(workflowId);
  }

  deactivate(workflowId: string): boolean {
    return this.statements.deactivate.run(workflowId).changes > 0;
  }

  get(workflowId: string): WorkflowActivation | null {
    const row = this.statements.select.get(workflowId);
    return row ? { ...row } : null;
  }

  list(): WorkflowActivation[] {
    return this.statements.list.all().map((row) => ({ ...row }));
  }
}
