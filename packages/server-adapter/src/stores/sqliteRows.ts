import {
  isParsedWorkflowDocument,
  type SavedWorkflow,
  type WorkflowInstance,
} from '@flowloom/core';
import { isJsonExact } from './isJsonExact';
import type { SqliteInstanceRow, SqliteWorkflowRow } from './prepareSqliteStatements';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';
import { StoredWorkflowDocuments } from './StoredWorkflowDocuments';

/** Instance documents validated once per stored text, for every SQLite store of the process. */
const documents = new StoredInstanceDocuments(JSON.parse);
/** Saved versions' documents validated once per stored text, likewise. */
const versions = new StoredWorkflowDocuments(JSON.parse);

/** An instance's document as it is written: its JSON text, and whether that text reads back as it. */
export interface WrittenDocument {
  readonly text: string;
  /**
   * Whether the document can stand as the reading of `text`: the engine's parser made it (valid,
   * defaults applied, frozen) and JSON says all it holds (see `isJsonExact`).
   */
  readonly exact: boolean;
}

/**
 * How an instance's document is written. A document the engine parsed is shared by every
 * instance of its workflow version and never changes (it is frozen), so this is worked out
 * once per document, not once per run.
 */
export function sqliteDocumentWriting(
  document: WorkflowInstance['workflow_data'],
): WrittenDocument {
  if (!isParsedWorkflowDocument(document)) {
    return { text: JSON.stringify(document), exact: false };
  }
  let written = writings.get(document);
  if (written === undefined) {
    written = { text: JSON.stringify(document), exact: isJsonExact(document) };
    writings.set(document, written);
  }
  return written;
}
const writings = new WeakMap<object, WrittenDocument>();

/** Takes an instance's document, written exactly as `text`, as that text's reading. */
export function rememberSqliteDocument(
  instanceId: string,
  text: string,
  document: WorkflowInstance['workflow_data'],
): void {
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
