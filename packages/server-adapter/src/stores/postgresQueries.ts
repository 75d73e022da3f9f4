import { type ListFilters, listWhereClause } from './listWhereClause';
import { toPostgresText } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

// jsonb columns are read as text and parsed by the store, which undoes the escapes of
// postgresText.ts on the way (pg would parse them, escapes and all).
const SUMMARY_COLUMNS = 'workflow_id, name, version, created_by, tenant_id, created_at, updated_at';
const WORKFLOW_COLUMNS = `${SUMMARY_COLUMNS}, workflow_data::text AS workflow_data`;
const INSTANCE_FIELDS = `instance_id, workflow_id, name, status, workflow_data, input_data,
  created_by, tenant_id, created_at, updated_at, started_at, finished_at, error,
  workflow_version, trigger_type, trigger_step_id, parent_instance_id, parent_step_id, progress,
  root_instance_id`;
/** The columns of an instance record, as `instanceFromPostgres` reads them. */
export const PG_INSTANCE_COLUMNS = `instance_id, workflow_id, name, status,
  workflow_data::text AS workflow_data, input_data::text AS input_data, created_by, tenant_id,
  created_at, updated_at, started_at, finished_at, error::text AS error, workflow_version,
  trigger_type, trigger_step_id, parent_instance_id, parent_step_id, progress::text AS progress,
  root_instance_id`;
/** The columns of a run list: nothing of the document, the input or the outputs. */
export const PG_INSTANCE_SUMMARY_COLUMNS = `instance_id, workflow_id, name, status,
  workflow_version, created_by, tenant_id, created_at, started_at, finished_at,
  progress::text AS progress, error::text AS error, trigger_type, trigger_step_id,
  parent_instance_id`;
const EVENT_FIELDS = 'instance_id, seq, event_type, step_id, "timestamp", data';
const EVENT_COLUMNS = 'instance_id, seq, event_type, step_id, "timestamp", data::text AS data';
const CREDENTIAL_SUMMARY_COLUMNS =
  'credential_id, name, type, created_by, tenant_id, created_at, updated_at';
const CREDENTIAL_COLUMNS = `${CREDENTIAL_SUMMARY_COLUMNS}, ciphertext`;

export type { ListFilters } from './listWhereClause';

/** A query's text and its parameters. */
export interface Query {
  text: string;
  values: unknown[];
}

/**
 * The SQL a {@link PostgresStore} runs against one schema. Every value is a `$n` parameter;
 * the only names in the text are the quoted schema and fixed table and column names.
 */
export function postgresQueries(schema: string) {
  const table = (name: string) => `${quoteIdentifier(schema)}.${name}`;
  const workflows = table('workflows');
  const instances = table('workflow_instances');
  const versions = table('workflow_versions');
  const activations = table('workflow_activations');
  const events = table('execution_events');
  const logs = table('workflow_task_logs');
  const credentials = table('credentials');

  /** The page and the total of a filtered list, ordered newest first by `orderColumn`. */
  const listQueries = (
    from: string,
    columns: string,
    orderColumn: string,
    filters: ListFilters,
    page: { limit: number; offset: number },
  ): { page: Query; count: Query } => {
    const values: unknown[] = [];
    const where = listWhereClause(filters, (value) => {
      values.push(toPostgresText(value));
      return `$${values.length}`;
    });
    return {
      page: {
        text: `SELECT ${columns} FROM ${from} ${where}
               ORDER BY ${orderColumn} DESC, insertion_order DESC
               LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
        values: [...values, page.limit, page.offset],
      },
      count: { text: `SELECT COUNT(*) AS total FROM ${from} ${where}`, values },
    };
  };

  return {
    // A save writes the workflow and keeps its version in one statement, so in one transaction.
    insertWorkflow: `WITH created AS (
        INSERT INTO ${workflows} (workflow_id, name, version, workflow_data, created_by,
          tenant_id, created_at, updated_at)
        VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $6) RETURNING ${WORKFLOW_COLUMNS}
      ), kept AS (
        INSERT INTO ${versions} (workflow_id, version, name, workflow_data, updated_at,
          updated_by, valid)
        SELECT workflow_id, version, name, $3::jsonb, updated_at, $7::text, $8::boolean
        FROM created
      )
      SELECT * FROM created`,
    // The version check is part of the UPDATE: of two saves based on one version, the second
    // waits for the first's row lock, then finds the version moved on and changes nothing.
    updateWorkflow: `WITH updated AS (
        UPDATE ${workflows}
        SET name = $2, workflow_data = $3::jsonb, version = version + 1, updated_at = $4
        WHERE workflow_id = $1 AND ($5::integer IS NULL OR version = $5::integer)
        RETURNING ${WORKFLOW_COLUMNS}
      ), kept AS (
        INSERT INTO ${versions} (workflow_id, version, name, workflow_data, updated_at,
          updated_by, valid)
        SELECT workflow_id, version, name, $3::jsonb, updated_at, $6::text, $7::boolean
        FROM updated
      ), pruned AS (
        -- The versions $8 (keep_versions) no longer covers, the active one excepted.
        DELETE FROM ${versions}
        WHERE $8::integer IS NOT NULL AND workflow_id = $1
          AND version <= (SELECT version FROM updated) - $8::integer
          AND version <> COALESCE(
            (SELECT active_version FROM ${activations} WHERE workflow_id = $1), 0)
      )
      SELECT * FROM updated`,
    workflowVersion: `SELECT version FROM ${workflows} WHERE workflow_id = $1`,
    selectWorkflow: `SELECT ${WORKFLOW_COLUMNS} FROM ${workflows} WHERE workflow_id = $1`,
    selectVersion: `SELECT w.workflow_id, v.name, v.version, w.created_by, w.tenant_id,
        w.created_at, v.updated_at, v.workflow_data::text AS workflow_data
      FROM ${versions} v JOIN ${workflows} w ON w.workflow_id = v.workflow_id
      WHERE v.workflow_id = $1 AND v.version = $2`,
    listVersions: `SELECT version, name, updated_at, updated_by, valid FROM ${versions}
      WHERE workflow_id = $1 ORDER BY version DESC LIMIT $2 OFFSET $3`,
    // Its versions go with it (ON DELETE CASCADE).
    deleteWorkflow: `DELETE FROM ${workflows} WHERE workflow_id = $1`,
    listWorkflows: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(workflows, SUMMARY_COLUMNS, 'updated_at', filters, page),

    insertInstance: `INSERT INTO ${instances} (${INSTANCE_FIELDS})
      VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::jsonb,
        $14, $15, $16, $17, $18, $19::jsonb, $20)
      RETURNING ${PG_INSTANCE_COLUMNS}`,
    selectInstance: `SELECT ${PG_INSTANCE_COLUMNS} FROM ${instances} WHERE instance_id = $1`,
    // One statement, so a patch is applied whole and two patches never interleave field by field.
    updateInstance: `UPDATE ${instances} SET
        status = CASE WHEN $3 THEN $4 ELSE status END,
        name = CASE WHEN $5 THEN $6 ELSE name END,
        input_data = CASE WHEN $7 THEN $8::jsonb ELSE input_data END,
        started_at = CASE WHEN $9 THEN $10 ELSE started_at END,
        finished_at = CASE WHEN $11 THEN $12 ELSE finished_at END,
        error = CASE WHEN $13 THEN $14::jsonb ELSE error END,
        progress = CASE WHEN $15 THEN $16::jsonb ELSE progress END,
        updated_at = $2
      WHERE instance_id = $1 RETURNING ${PG_INSTANCE_COLUMNS}`,
    listInstances: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(instances, PG_INSTANCE_COLUMNS, 'created_at', filters, page),
    /** The table of instances, schema-qualified, for the run-history queries. */
    instancesTable: instances,
    // The status is checked by the DELETE itself: a run that starts meanwhile is not deleted.
    deleteInstance: `DELETE FROM ${instances}
      WHERE instance_id = $1 AND ($2::text[] IS NULL OR status = ANY($2::text[]))`,
    instanceStatus: `SELECT status FROM ${instances} WHERE instance_id = $1`,

    lastEventSeqs: `SELECT instance_id, MAX(seq) AS seq FROM ${events}
      WHERE instance_id = ANY($1::text[]) GROUP BY instance_id`,
    // The whole batch travels as one JSON array: one round trip, one statement.
    insertEvents: `INSERT INTO ${events} (${EVENT_FIELDS})
      SELECT instance_id, seq, event_type, step_id, "timestamp", data
      FROM jsonb_to_recordset($1::jsonb) AS batch(instance_id text, seq integer,
        event_type text, step_id text, "timestamp" text, data jsonb)`,
    lastEventSeq: `SELECT COALESCE(MAX(seq), 0) AS seq FROM ${events} WHERE instance_id = $1`,
    listEvents: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE instance_id = $1 AND seq > $2
      ORDER BY seq LIMIT $3`,

    // jsonb_to_recordset reads a JSON null as SQL NULL, so `has_data` tells an entry without
    // data (NULL) from one whose data is null (the jsonb value `null`).
    insertLogs: `INSERT INTO ${logs}
        (workflow_instance_id, seq, step_id, level, message, data, "timestamp")
      SELECT instance_id, seq, step_id, level, message,
        CASE WHEN has_data THEN COALESCE(data, 'null'::jsonb) END, "timestamp"
      FROM jsonb_to_recordset($1::jsonb) AS batch(instance_id text, seq integer,
        step_id text, level text, message text, has_data boolean, data jsonb, "timestamp" text)`,
    trimLogs: `DELETE FROM ${logs} WHERE workflow_instance_id = $1 AND seq < $2 AND seq <> $3`,
    listLogs: `SELECT workflow_instance_id, seq, step_id, level, message, data::text AS data,
        data IS NULL AS no_data, "timestamp"
      FROM ${logs} WHERE workflow_instance_id = $1 AND seq > $2
      ORDER BY seq, id LIMIT $3`,

    insertCredential: `INSERT INTO ${credentials}
        (credential_id, name, type, ciphertext, created_by, tenant_id, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${CREDENTIAL_COLUMNS}`,
    selectCredential: `SELECT ${CREDENTIAL_COLUMNS} FROM ${credentials} WHERE credential_id = $1`,
    updateCredential: `UPDATE ${credentials} SET
        name = COALESCE($2, name), ciphertext = COALESCE($3, ciphertext), updated_at = $4
      WHERE credential_id = $1 RETURNING ${CREDENTIAL_COLUMNS}`,
    deleteCredential: `DELETE FROM ${credentials} WHERE credential_id = $1`,
    listCredentials: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(credentials, CREDENTIAL_SUMMARY_COLUMNS, 'created_at', filters, page),
  };
}

/** The SQL of a {@link PostgresStore}. */
export type PostgresQueries = ReturnType<typeof postgresQueries>;
