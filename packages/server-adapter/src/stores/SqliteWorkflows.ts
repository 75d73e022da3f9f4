import {
  createId,
  ErrorCode,
  FlowloomError,
  type ListOptions,
  type SavedWorkflow,
  type SaveWorkflowRecord,
  VersionConflictError,
  type WorkflowSummary,
  type WorkflowVersionSummary,
} from '@flowloom/core';
import type Database from 'better-sqlite3';
import type { SqliteLister } from './createSqliteLister';
import { pageBounds } from './pageBounds';
import {
  SQLITE_SUMMARY_COLUMNS,
  type SqliteStatements,
  type SqliteWorkflowRow,
} from './prepareSqliteStatements';
import { summaryFromRow, versionFromRow, type WorkflowSummaryRow } from './recordsFromRows';
import { workflowFromSqlite } from './sqliteRows';

/**
 * The saved-workflow methods of a `SqliteStore`, apart so the store stays readable: each save
 * updates the workflow and keeps its version in one transaction.
 */
export class SqliteWorkflows {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    private readonly list: SqliteLister,
  ) {}

  save(record: SaveWorkflowRecord): SavedWorkflow {
    const now = new Date().toISOString();
    const data = JSON.stringify(record.workflow_data);
    const { insertWorkflow, updateWorkflow, insertVersion, pruneVersions } = this.statements;
    const save = this.db.transaction((): SqliteWorkflowRow => {
      let row: SqliteWorkflowRow | undefined;
      if (record.workflow_id === undefined) {
        row = insertWorkflow.get(
          createId('wf'),
          record.name,
          1,
          data,
          record.created_by ?? null,
          record.tenant_id ?? null,
          now,
          now,
        );
      } else {
        row = updateWorkflow.get({
          workflow_id: record.workflow_id,
          name: record.name,
          workflow_data: data,
          updated_at: now,
          expected_version: record.expected_version ?? null,
        });
        if (!row) throw this.refusal(record.workflow_id, record.expected_version);
      }
      insertVersion.run({
        workflow_id: row!.workflow_id,
        version: row!.version,
        name: row!.name,
        workflow_data: data,
        updated_at: row!.updated_at,
        updated_by: record.updated_by ?? null,
        valid: record.valid === undefined || record.valid === null ? null : record.valid ? 1 : 0,
      });
      if (record.keep_versions !== undefined) {
        pruneVersions.run({
          workflow_id: row!.workflow_id,
          oldest_dropped: row!.version - record.keep_versions,
        });
      }
      return row!;
    });
    return workflowFromSqlite(save.immediate());
  }

  /** Why an update changed no row: the workflow is missing, or at another version. */
  private refusal(workflowId: string, expectedVersion: number | undefined): FlowloomError {
    const current = this.statements.workflowVersion.get(workflowId);
    if (!current || expectedVersion === undefined) {
      return new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
    }
    return new VersionConflictError(workflowId, expectedVersion, current.version);
  }

  load(workflowId: string): SavedWorkflow | null {
    const row = this.statements.selectWorkflow.get(workflowId);
    return row ? workflowFromSqlite(row) : null;
  }

  loadVersion(workflowId: string, version: number): SavedWorkflow | null {
    if (!Number.isSafeInteger(version)) return null;
    const row = this.statements.selectVersion.get(workflowId, version);
    return row ? workflowFromSqlite(row) : null;
  }

  listVersions(
    workflowId: string,
    options: { limit?: number; offset?: number },
  ): WorkflowVersionSummary[] {
    const { limit, offset } = pageBounds(options);
    return this.statements.listVersions.all(workflowId, limit, offset).map(versionFromRow);
  }

  listSummaries(options: ListOptions): { workflows: WorkflowSummary[]; total: number } {
    const { rows, total } = this.list<WorkflowSummaryRow>(
      { table: 'workflows', columns: SQLITE_SUMMARY_COLUMNS, orderColumn: 'updated_at' },
      options,
      pageBounds(options),
    );
    return { workflows: rows.map(summaryFromRow), total };
  }

  delete(workflowId: string): boolean {
    return this.statements.deleteWorkflow.run(workflowId).changes > 0;
  }
}
