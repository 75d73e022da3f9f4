import type { SavedWorkflow, WorkflowInstance } from '@flowloom/core';
import type { SqliteInstanceRow, SqliteWorkflowRow } from './prepareSqliteStatements';
import { instanceFromRow, workflowFromRow } from './recordsFromRows';

/** A saved workflow from its SQLite row (its document still JSON text), validated. */
export function workflowFromSqlite(row: SqliteWorkflowRow): SavedWorkflow {
  return workflowFromRow({ ...row, workflow_data: JSON.parse(row.workflow_data!) });
}

/** An instance from its SQLite row (JSON columns still text), validated. */
export function instanceFromSqlite(row: SqliteInstanceRow): WorkflowInstance {
  return instanceFromRow({
    ...row,
    workflow_data: JSON.parse(row.workflow_data!),
    input_data: parseNullableJson(row.input_data),
    error: parseNullableJson(row.error),
    progress: parseNullableJson(row.progress),
  });
}

function parseNullableJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
