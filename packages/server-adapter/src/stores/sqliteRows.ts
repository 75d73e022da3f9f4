import type { SavedWorkflow, WorkflowInstance } from '@flowloom/core';
import type { SqliteInstanceRow, SqliteWorkflowRow } from './prepareSqliteStatements';
import { workflowFromRow } from './recordsFromRows';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';

/** Instance documents validated once per stored text, for every SQLite store of the process. */
const documents = new StoredInstanceDocuments(JSON.parse);

/** A saved workflow from its SQLite row (its document still JSON text), validated. */
export function workflowFromSqlite(row: SqliteWorkflowRow): SavedWorkflow {
  return workflowFromRow({ ...row, workflow_data: JSON.parse(row.workflow_data!) });
}

/** An instance from its SQLite row (JSON columns still text), validated. */
export function instanceFromSqlite(row: SqliteInstanceRow): WorkflowInstance {
  const { workflow_data, ...columns } = row;
  return documents.read(
    {
      ...columns,
      input_data: parseNullableJson(row.input_data),
      error: parseNullableJson(row.error),
      progress: parseNullableJson(row.progress),
    },
    workflow_data!,
  );
}

function parseNullableJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
