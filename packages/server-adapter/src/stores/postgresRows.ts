import type {
  CredentialSummary,
  ExecutionEvent,
  LogEntry,
  SavedWorkflow,
  StoredCredential,
  StoredInstanceSummary,
  WorkflowInstance,
  WorkflowSummary,
  WorkflowVersionSummary,
} from '@flowloom/core';
import { fromNullablePostgresJson, fromPostgresJson, fromPostgresText } from './postgresText';
import {
  type CredentialRow,
  type CredentialSummaryRow,
  credentialFromRow,
  credentialSummaryFromRow,
  type EventRow,
  eventFromRow,
  type InstanceRow,
  type InstanceSummaryRow,
  instanceSummaryFromRow,
  type LogRow,
  logFromRow,
  summaryFromRow,
  versionFromRow,
  type WorkflowRow,
  type WorkflowSummaryRow,
  type WorkflowVersionRow,
} from './recordsFromRows';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';
import { StoredWorkflowDocuments } from './StoredWorkflowDocuments';

// Rows as PostgreSQL returns them: jsonb read as text, every string still escaped by
// postgresText.ts. Each reader unescapes, parses and validates.

/** Instance documents validated once per stored text, for every PostgreSQL store of the process. */
const documents = new StoredInstanceDocuments(fromPostgresJson);
/** Saved versions' documents validated once per stored text, likewise. */
const versions = new StoredWorkflowDocuments(fromPostgresJson);

type Text<Row, Keys extends keyof Row> = Omit<Row, Keys> & { [K in Keys]: string | null };
/** A `workflows` row as PostgreSQL returns it. */
export type PgWorkflowRow = Text<WorkflowRow, 'workflow_data'>;
/** A `workflow_instances` row as PostgreSQL returns it. */
export type PgInstanceRow = Text<
  InstanceRow,
  'workflow_data' | 'input_data' | 'error' | 'progress'
>;
/** The run-list columns of a `workflow_instances` row as PostgreSQL returns them. */
export type PgInstanceSummaryRow = Text<InstanceSummaryRow, 'error' | 'progress'>;
/** An `execution_events` row as PostgreSQL returns it. */
export type PgEventRow = Text<EventRow, 'data'>;
/** A `workflow_task_logs` row as PostgreSQL returns it, with whether it had data. */
export type PgLogRow = Text<LogRow, 'data'> & { no_data: boolean };

/** Every string field of a row unescaped; `except` names the jsonb-as-text ones. */
function unescapeStrings<Row extends object>(row: Row, except: readonly string[] = []): Row {
  const copy = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'string' && !except.includes(key)) copy[key] = fromPostgresText(value);
  }
  return copy as Row;
}

/** A saved workflow from its PostgreSQL row. */
export function workflowFromPostgres(row: PgWorkflowRow): SavedWorkflow {
  const { workflow_data, ...columns } = unescapeStrings(row, ['workflow_data']);
  return versions.read(columns, workflow_data!);
}

/** A workflow summary from its PostgreSQL row. */
export function summaryFromPostgres(row: WorkflowSummaryRow): WorkflowSummary {
  return summaryFromRow(unescapeStrings(row));
}

/** An instance from its PostgreSQL row. */
export function instanceFromPostgres(row: PgInstanceRow): WorkflowInstance {
  const plain = unescapeStrings(row, ['workflow_data', 'input_data', 'error', 'progress']);
  const { workflow_data, ...columns } = plain;
  return documents.read(
    {
      ...columns,
      input_data: fromNullablePostgresJson(row.input_data),
      error: fromNullablePostgresJson(row.error),
      progress: fromNullablePostgresJson(row.progress),
    },
    row.workflow_data!,
  );
}

/** An instance's summary from its run-list columns. */
export function instanceSummaryFromPostgres(row: PgInstanceSummaryRow): StoredInstanceSummary {
  const plain = unescapeStrings(row, ['error', 'progress']);
  return instanceSummaryFromRow({
    ...plain,
    error: fromNullablePostgresJson(row.error),
    progress: fromNullablePostgresJson(row.progress),
  });
}

/** A version of a saved workflow from its PostgreSQL row. */
export function versionFromPostgres(row: WorkflowVersionRow): WorkflowVersionSummary {
  return versionFromRow(unescapeStrings(row));
}

/** An event from its PostgreSQL row. */
export function eventFromPostgres(row: PgEventRow): ExecutionEvent {
  const plain = unescapeStrings(row, ['data']);
  return eventFromRow({ ...plain, data: fromPostgresJson(row.data!) });
}

/** A log entry from its PostgreSQL row; `data` is left out when the entry had none. */
export function logFromPostgres({ no_data, ...row }: PgLogRow): LogEntry {
  const plain = unescapeStrings(row, ['data']);
  return logFromRow({ ...plain, data: no_data ? undefined : fromPostgresJson(row.data!) });
}

/** A stored credential from its PostgreSQL row. */
export function credentialFromPostgres(row: CredentialRow): StoredCredential {
  return credentialFromRow(unescapeStrings(row));
}

/** A credential summary from its PostgreSQL row. */
export function credentialSummaryFromPostgres(row: CredentialSummaryRow): CredentialSummary {
  return credentialSummaryFromRow(unescapeStrings(row));
}
