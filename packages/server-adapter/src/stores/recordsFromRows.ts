import {
  type CredentialSummary,
  CredentialSummarySchema,
  type ExecutionEvent,
  ExecutionEventSchema,
  instanceSummaryOf,
  type LogEntry,
  LogEntrySchema,
  type SavedWorkflow,
  SavedWorkflowSchema,
  type StoredCredential,
  StoredCredentialSchema,
  type StoredInstanceSummary,
  StoredInstanceSummarySchema,
  type WorkflowInstance,
  WorkflowInstanceSchema,
  type WorkflowSummary,
  WorkflowSummarySchema,
  type WorkflowVersionSummary,
  WorkflowVersionSummarySchema,
} from '@flowloom/core';
import { readStoredRecord } from './readStoredRecord';

// Rows as both stores read them, JSON columns already decoded. Column names are the records'
// field names, except where the seed names the column (`workflow_task_logs.workflow_instance_id`).

/** A `workflows` row without its document. */
export interface WorkflowSummaryRow {
  workflow_id: string;
  name: string;
  version: number;
  created_by: string | null;
  tenant_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A `workflows` row. */
export interface WorkflowRow extends WorkflowSummaryRow {
  workflow_data: unknown;
}

/**
 * The columns of a `workflow_instances` row that a run list reads; the trigger is two columns,
 * NULL when there is none.
 */
export interface InstanceSummaryRow {
  instance_id: string;
  workflow_id: string | null;
  name: string;
  status: string;
  workflow_version: number | null;
  created_by: string | null;
  tenant_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: unknown;
  error: unknown;
  trigger_type: string | null;
  trigger_step_id: string | null;
  parent_instance_id: string | null;
}

/** A `workflow_instances` row. */
export interface InstanceRow extends InstanceSummaryRow {
  workflow_data: unknown;
  input_data: unknown;
  updated_at: string;
  parent_step_id: string | null;
  root_instance_id: string | null;
}

/** A `workflow_versions` row without its document; `valid` as SQLite (0/1) or PostgreSQL stores it. */
export interface WorkflowVersionRow {
  version: number;
  name: string;
  updated_at: string;
  updated_by: string | null;
  valid: boolean | number | null;
}

/** An `execution_events` row; `step_id` is NULL for events of the whole run. */
export interface EventRow {
  instance_id: string;
  seq: number;
  event_type: string;
  step_id: string | null;
  timestamp: string;
  data: unknown;
}

/** A `workflow_task_logs` row; `data` is `undefined` when the entry had none. */
export interface LogRow {
  workflow_instance_id: string;
  seq: number;
  step_id: string | null;
  level: string;
  message: string;
  data: unknown;
  timestamp: string;
}

/** A `credentials` row without its ciphertext. */
export interface CredentialSummaryRow {
  credential_id: string;
  name: string;
  type: string;
  created_by: string | null;
  tenant_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A `credentials` row. */
export interface CredentialRow extends CredentialSummaryRow {
  ciphertext: string;
}

/** A saved workflow from its row, validated. */
export function workflowFromRow(row: WorkflowRow): SavedWorkflow {
  return readStoredRecord(SavedWorkflowSchema, row, `workflow "${row.workflow_id}"`);
}

/** What a saved workflow's fields but its document must be. */
const WorkflowFieldsSchema = SavedWorkflowSchema.omit({ workflow_data: true });

/**
 * A saved workflow from its row and the document already validated from the same stored text
 * (see `StoredWorkflowDocuments`): the other fields validated, the record's keys in schema order.
 */
export function workflowWithDocumentFromRow(
  row: Omit<WorkflowRow, 'workflow_data'>,
  document: SavedWorkflow['workflow_data'],
): SavedWorkflow {
  const { workflow_id, name, version, ...others } = readStoredRecord(
    WorkflowFieldsSchema,
    row,
    `workflow "${row.workflow_id}"`,
  );
  return { workflow_id, name, version, workflow_data: document, ...others };
}

/** A workflow summary from its row, validated. */
export function summaryFromRow(row: WorkflowSummaryRow): WorkflowSummary {
  return readStoredRecord(WorkflowSummarySchema, row, `workflow "${row.workflow_id}"`);
}

/** An instance from its row, validated. */
export function instanceFromRow(row: InstanceRow): WorkflowInstance {
  const { trigger_type, trigger_step_id, ...rest } = row;
  return readStoredRecord(
    WorkflowInstanceSchema,
    { ...rest, trigger: triggerOf(trigger_type, trigger_step_id) },
    `instance "${row.instance_id}"`,
  );
}

/** What an instance's fields but its document must be. */
const InstanceFieldsSchema = WorkflowInstanceSchema.omit({ workflow_data: true });

/**
 * An instance from its row and the document already validated from the same stored text (see
 * `StoredInstanceDocuments`): the other fields validated, the record's keys in schema order.
 */
export function instanceWithDocumentFromRow(
  row: Omit<InstanceRow, 'workflow_data'>,
  document: WorkflowInstance['workflow_data'],
): WorkflowInstance {
  const { trigger_type, trigger_step_id, ...rest } = row;
  const { instance_id, workflow_id, name, status, ...others } = readStoredRecord(
    InstanceFieldsSchema,
    { ...rest, trigger: triggerOf(trigger_type, trigger_step_id) },
    `instance "${row.instance_id}"`,
  );
  return { instance_id, workflow_id, name, status, workflow_data: document, ...others };
}

/** An instance's summary from the columns a run list reads, validated. */
export function instanceSummaryFromRow(row: InstanceSummaryRow): StoredInstanceSummary {
  const { trigger_type, trigger_step_id, ...rest } = row;
  const source = { ...rest, trigger: triggerOf(trigger_type, trigger_step_id) };
  return readStoredRecord(
    StoredInstanceSummarySchema,
    instanceSummaryOf(source as Parameters<typeof instanceSummaryOf>[0]),
    `instance "${row.instance_id}"`,
  );
}

/** The trigger of an instance from its two columns (the schema checks what they hold). */
function triggerOf(type: string | null, stepId: string | null) {
  return type === null ? null : { type, step_id: stepId };
}

/** A version of a saved workflow from its row (without the document), validated. */
export function versionFromRow(row: WorkflowVersionRow): WorkflowVersionSummary {
  const valid = row.valid === null ? null : Boolean(row.valid);
  return readStoredRecord(
    WorkflowVersionSummarySchema,
    { ...row, valid },
    `version ${row.version} of a workflow`,
  );
}

/** An event from its row, validated; `step_id` is left out when the event has none. */
export function eventFromRow(row: EventRow): ExecutionEvent {
  const { step_id, ...rest } = row;
  return readStoredRecord(
    ExecutionEventSchema,
    step_id === null ? rest : row,
    `event ${row.seq} of instance "${row.instance_id}"`,
  );
}

/** A log entry from its row, validated; `data` is left out when the entry had none. */
export function logFromRow(row: LogRow): LogEntry {
  const { workflow_instance_id, data, ...rest } = row;
  return readStoredRecord(
    LogEntrySchema,
    data === undefined
      ? { instance_id: workflow_instance_id, ...rest }
      : { instance_id: workflow_instance_id, ...rest, data },
    `log entry ${row.seq} of instance "${workflow_instance_id}"`,
  );
}

/** A stored credential from its row, validated. */
export function credentialFromRow(row: CredentialRow): StoredCredential {
  return readStoredRecord(StoredCredentialSchema, row, `credential "${row.credential_id}"`);
}

/** A credential summary from its row, validated. */
export function credentialSummaryFromRow(row: CredentialSummaryRow): CredentialSummary {
  return readStoredRecord(CredentialSummarySchema, row, `credential "${row.credential_id}"`);
}
