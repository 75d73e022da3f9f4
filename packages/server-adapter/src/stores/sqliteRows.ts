import {
  isParsedWorkflowDocument,
  type SavedWorkflow,
  type WorkflowInstance,
} from '@flowloom/core';
import type { SqliteInstanceRow, SqliteWorkflowRow } from './prepareSqliteStatements';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';
import { StoredWorkflowDocuments } from './StoredWorkflowDocuments';

/** Instance documents validated once per stored text, for every SQLite store of the process. */
const documents = new StoredInstanceDocuments(JSON.parse);
/** Saved versions' documents validated once per stored text, likewise. */
const versions = new StoredWorkflowDocuments(JSON.parse);

/**
 * The JSON text an instance's document is stored as. A document the engine parsed is shared by
 * every instance of its workflow version and never changes (it is frozen), so its text is made
 * once, not once per run.
 */
export function sqliteDocumentText(document: WorkflowInstance['workflow_data']): string {
  if (!isParsedWorkflowDocument(document)) return JSON.stringify(document);
  let text = documentTexts.get(document);
  if (text === undefined) {
    text = JSON.stringify(document);
    documentTexts.set(document, text);
  }
  return text;
}
const documentTexts = new WeakMap<object, string>();

/** Takes an instance's document, about to be written as `text`, as that text's reading. */
export function rememberSqliteDocument(instanceId: string, text: string, document: unknown): void {
  documents.remember(instanceId, text, document);
}

/** A saved workflow from its SQLite row (its document still JSON text), validated. */
export function workflowFromSqlite(row: SqliteWorkflowRow): SavedWorkflow {
  const { workflow_data, ...columns } = row;
  return versions.read(columns, workflow_data!);
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
