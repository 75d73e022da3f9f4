import type Database from 'better-sqlite3';
import type {
  CredentialRow,
  EventRow,
  InstanceRow,
  LogRow,
  WorkflowRow,
  WorkflowVersionRow,
} from './recordsFromRows';

// Rows as SQLite returns them: JSON columns are still text.
type Text<Row, Keys extends keyof Row> = Omit<Row, Keys> & { [K in Keys]: string | null };
/** A `workflows` row as SQLite returns it. */
export type SqliteWorkflowRow = Text<WorkflowRow, 'workflow_data'>;
/** A `workflow_instances` row as SQLite returns it. */
export type SqliteInstanceRow = Text<
  InstanceRow,
  'workflow_data' | 'input_data' | 'error' | 'progress'
>;
/** An `execution_events` row as SQLite returns it. */
export type SqliteEventRow = Text<EventRow, 'data'>;
/** A `workflow_task_logs` row as SQLite returns it. */
export type SqliteLogRow = Text<LogRow, 'data'>;

/** The columns of a workflow summary. */
export const SQLITE_SUMMARY_COLUMNS =
  'workflow_id, name, version, created_by, tenant_id, created_at, updated_at';
const WORKFLOW_COLUMNS = `${SQLITE_SUMMARY_COLUMNS}, workflow_data`;
/** The columns of an instance. */
export const SQLITE_INSTANCE_COLUMNS = `instance_id, workflow_id, name, status, workflow_data,
  input_data, created_by, tenant_id, created_at, updated_at, started_at, finished_at, error,
  workflow_version, trigger_type, trigger_step_id, parent_instance_id, parent_step_id, progress,
  root_instance_id`;
/** The columns of a credential summary. */
export const SQLITE_CREDENTIAL_SUMMARY_COLUMNS =
  'credential_id, name, type, created_by, tenant_id, created_at, updated_at';
const CREDENTIAL_COLUMNS = `${SQLITE_CREDENTIAL_SUMMARY_COLUMNS}, ciphertext`;
const EVENT_COLUMNS = 'instance_id, seq, event_type, step_id, timestamp, data';
const LOG_COLUMNS = 'workflow_instance_id, seq, step_id, level, message, data, timestamp';

/** The parameters of the one `UPDATE` that applies an instance patch: a flag and a value per field. */
export interface InstancePatchParams {
  instance_id: string;
  updated_at: string;
  set_status: 0 | 1;
  status: string | null;
  set_name: 0 | 1;
  name: string | null;
  set_input_data: 0 | 1;
  input_data: string | null;
  set_started_at: 0 | 1;
  started_at: string | null;
  set_finished_at: 0 | 1;
  finished_at: string | null;
  set_error: 0 | 1;
  error: string | null;
  set_progress: 0 | 1;
  progress: string | null;
}

/** The parameters of the `INSERT` of an instance: its columns, JSON ones as text. */
export interface InstanceInsertParams {
  instance_id: string;
  workflow_id: string | null;
  name: string;
  status: string;
  workflow_data: string;
  input_data: string | null;
  created_by: string | null;
  tenant_id: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  workflow_version: number | null;
  trigger_type: string | null;
  trigger_step_id: string | null;
  parent_instance_id: string | null;
  parent_step_id: string | null;
  progress: string | null;
  root_instance_id: string;
}

/** The parameters of the `UPDATE` of a saved workflow: `expected_version` null saves any version. */
export interface WorkflowUpdateParams {
  workflow_id: string;
  name: string;
  workflow_data: string;
  updated_at: string;
  expected_version: number | null;
}

/** The parameters of the `INSERT` of a kept version. */
export interface VersionInsertParams {
  workflow_id: string;
  version: number;
  name: string;
  workflow_data: string;
  updated_at: string;
  updated_by: string | null;
  valid: 0 | 1 | null;
}

type Statement<Params extends unknown[], Row = unknown> = Database.Statement<Params, Row>;
type Nullable = string | null;

/** The statements of a {@link SqliteStore}, with the parameters each takes and the rows it reads. */
export interface SqliteStatements {
  insertWorkflow: Statement<
    [string, string, number, string, Nullable, Nullable, string, string],
    SqliteWorkflowRow
  >;
  updateWorkflow: Statement<[WorkflowUpdateParams], SqliteWorkflowRow>;
  workflowVersion: Statement<[string], { version: number }>;
  selectWorkflow: Statement<[string], SqliteWorkflowRow>;
  deleteWorkflow: Statement<[string]>;
  insertVersion: Statement<[VersionInsertParams]>;
  pruneVersions: Statement<[{ workflow_id: string; oldest_dropped: number }]>;
  selectVersion: Statement<[string, number], SqliteWorkflowRow>;
  listVersions: Statement<[string, number, number], WorkflowVersionRow>;
  insertInstance: Statement<[InstanceInsertParams], SqliteInstanceRow>;
  selectInstance: Statement<[string], SqliteInstanceRow>;
  updateInstance: Statement<[InstancePatchParams], SqliteInstanceRow>;
  insertEvent: Statement<[string, number, string, Nullable, string, string]>;
  lastEventSeq: Statement<[string], { seq: number }>;
  listEvents: Statement<[string, number, number], SqliteEventRow>;
  insertLog: Statement<[string, number, Nullable, string, string, Nullable, string]>;
  listLogs: Statement<[string, number, number], SqliteLogRow>;
  trimLogs: Statement<[string, number, number]>;
  insertCredential: Statement<
    [string, string, string, string, Nullable, Nullable, string, string],
    CredentialRow
  >;
  selectCredential: Statement<[string], CredentialRow>;
  updateCredential: Statement<[Nullable, Nullable, string, string], CredentialRow>;
  deleteCredential: Statement<[string]>;
}

/**
 * Every statement a {@link SqliteStore} runs, prepared once per connection. Each takes its
 * values as parameters; the SQL text never holds a value.
 */
export function prepareSqliteStatements(db: Database.Database): SqliteStatements {
  return {
    insertWorkflow: db.prepare(
      `INSERT INTO workflows (workflow_id, name, version, workflow_data, created_by, tenant_id,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${WORKFLOW_COLUMNS}`,
    ),
    // The version check is part of the write: a save based on an older version changes nothing.
    updateWorkflow: db.prepare(
      `UPDATE workflows SET name = @name, workflow_data = @workflow_data, version = version + 1,
         updated_at = @updated_at
       WHERE workflow_id = @workflow_id
         AND (@expected_version IS NULL OR version = @expected_version)
       RETURNING ${WORKFLOW_COLUMNS}`,
    ),
    workflowVersion: db.prepare('SELECT version FROM workflows WHERE workflow_id = ?'),
    selectWorkflow: db.prepare(`SELECT ${WORKFLOW_COLUMNS} FROM workflows WHERE workflow_id = ?`),
    // Its versions go with it (ON DELETE CASCADE).
    deleteWorkflow: db.prepare('DELETE FROM workflows WHERE workflow_id = ?'),
    insertVersion: db.prepare(
      `INSERT INTO workflow_versions (workflow_id, version, name, workflow_data, updated_at,
         updated_by, valid)
       VALUES (@workflow_id, @version, @name, @workflow_data, @updated_at, @updated_by, @valid)`,
    ),
    // The versions a save's `keep_versions` no longer covers, the active one excepted.
    pruneVersions: db.prepare(
      `DELETE FROM workflow_versions
       WHERE workflow_id = @workflow_id AND version <= @oldest_dropped
         AND version <> COALESCE(
           (SELECT active_version FROM workflow_activations WHERE workflow_id = @workflow_id), 0)`,
    ),
    selectVersion: db.prepare(
      `SELECT w.workflow_id, v.name, v.version, w.created_by, w.tenant_id, w.created_at,
         v.updated_at, v.workflow_data
       FROM workflow_versions v JOIN workflows w ON w.workflow_id = v.workflow_id
       WHERE v.workflow_id = ? AND v.version = ?`,
    ),
    listVersions: db.prepare(
      `SELECT version, name, updated_at, updated_by, valid FROM workflow_versions
       WHERE workflow_id = ? ORDER BY version DESC LIMIT ? OFFSET ?`,
    ),

    insertInstance: db.prepare(
      `INSERT INTO workflow_instances (${SQLITE_INSTANCE_COLUMNS})
       VALUES (@instance_id, @workflow_id, @name, @status, @workflow_data, @input_data,
         @created_by, @tenant_id, @created_at, @updated_at, @started_at, @finished_at, @error,
         @workflow_version, @trigger_type, @trigger_step_id, @parent_instance_id,
         @parent_step_id, @progress, @root_instance_id)
       RETURNING ${SQLITE_INSTANCE_COLUMNS}`,
    ),
    selectInstance: db.prepare(
      `SELECT ${SQLITE_INSTANCE_COLUMNS} FROM workflow_instances WHERE instance_id = ?`,
    ),
    // One statement, so a patch is applied whole and two patches never interleave field by field.
    updateInstance: db.prepare(
      `UPDATE workflow_instances SET
         status = CASE WHEN @set_status THEN @status ELSE status END,
         name = CASE WHEN @set_name THEN @name ELSE name END,
         input_data = CASE WHEN @set_input_data THEN @input_data ELSE input_data END,
         started_at = CASE WHEN @set_started_at THEN @started_at ELSE started_at END,
         finished_at = CASE WHEN @set_finished_at THEN @finished_at ELSE finished_at END,
         error = CASE WHEN @set_error THEN @error ELSE error END,
         progress = CASE WHEN @set_progress THEN @progress ELSE progress END,
         updated_at = @updated_at
       WHERE instance_id = @instance_id RETURNING ${SQLITE_INSTANCE_COLUMNS}`,
    ),

    insertEvent: db.prepare(
      `INSERT INTO execution_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    lastEventSeq: db.prepare(
      'SELECT COALESCE(MAX(seq), 0) AS seq FROM execution_events WHERE instance_id = ?',
    ),
    listEvents: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM execution_events WHERE instance_id = ? AND seq > ?
       ORDER BY seq LIMIT ?`,
    ),

    insertLog: db.prepare(
      `INSERT INTO workflow_task_logs (${LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    listLogs: db.prepare(
      `SELECT ${LOG_COLUMNS} FROM workflow_task_logs WHERE workflow_instance_id = ? AND seq > ?
       ORDER BY seq, id LIMIT ?`,
    ),
    trimLogs: db.prepare(
      `DELETE FROM workflow_task_logs WHERE workflow_instance_id = ? AND seq < ? AND seq <> ?`,
    ),

    insertCredential: db.prepare(
      `INSERT INTO credentials (credential_id, name, type, ciphertext, created_by, tenant_id,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${CREDENTIAL_COLUMNS}`,
    ),
    selectCredential: db.prepare(
      `SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE credential_id = ?`,
    ),
    updateCredential: db.prepare(
      `UPDATE credentials SET name = COALESCE(?, name), ciphertext = COALESCE(?, ciphertext),
         updated_at = ?
       WHERE credential_id = ? RETURNING ${CREDENTIAL_COLUMNS}`,
    ),
    deleteCredential: db.prepare('DELETE FROM credentials WHERE credential_id = ?'),
  };
}
