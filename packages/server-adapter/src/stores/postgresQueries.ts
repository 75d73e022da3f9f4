import { type ListFilters, listWhereClause } from './listWhereClause';
import { toPostgresText } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

// jsonb columns are read as text and parsed by the store, which undoes the escapes of
// postgresText.ts on the way (pg would parse them, escapes and all).
const SUMMARY_COLUMNS = 'workflow_id, name, version, created_by, tenant_id, created_at, updated_at';
const WORKFLOW_COLUMNS = `${SUMMARY_COLUMNS}, workflow_data::text AS workflow_data`;
const INSTANCE_FIELDS = `instance_id, workflow_id, name, status, workflow_data, input_data,
  created_by, tenant_id, created_at, updated_at, started_at, finished_at, error`;
const INSTANCE_COLUMNS = `instance_id, workflow_id, name, status,
  workflow_data::text AS workflow_data, input_data::text AS input_data, created_by, tenant_id,
  created_at, updated_at, started_at, finished_at, error::text AS error`;
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
    insertWorkflow: `INSERT INTO ${workflows}
        (workflow_id, name, version, workflow_data, created_by, tenant_id, created_at, updated_at)
      VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $6) RETURNING ${WORKFLOW_COLUMNS}`,
    updateWorkflow: `UPDATE ${workflows}
      SET name = $2, workflow_data = $3::jsonb, version = version + 1, updated_at = $4
      WHERE workflow_id = $1 RETURNING ${WORKFLOW_COLUMNS}`,
    selectWorkflow: `SELECT ${WORKFLOW_COLUMNS} FROM ${workflows} WHERE workflow_id = $1`,
    deleteWorkflow: `DELETE FROM ${workflows} WHERE workflow_id = $1`,
    listWorkflows: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(workflows, SUMMARY_COLUMNS, 'updated_at', filters, page),

    insertInstance: `INSERT INTO ${instances} (${INSTANCE_FIELDS})
      VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::jsonb)
      RETURNING ${INSTANCE_COLUMNS}`,
    selectInstance: `SELECT ${INSTANCE_COLUMNS} FROM ${instances} WHERE instance_id = $1`,
    // One statement, so a patch is applied whole and two patches never interleave field by field.
    updateInstance: `UPDATE ${instances} SET
        status = CASE WHEN $3 THEN $4 ELSE status END,
        name = CASE WHEN $5 THEN $6 ELSE name END,
        input_data = CASE WHEN $7 THEN $8::jsonb ELSE input_data END,
        started_at = CASE WHEN $9 THEN $10 ELSE started_at END,
        finished_at = CASE WHEN $11 THEN $12 ELSE finished_at END,
        error = CASE WHEN $13 THEN $14::jsonb ELSE error END,
        updated_at = $2
      WHERE instance_id = $1 RETURNING ${INSTANCE_COLUMNS}`,
    listInstances: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(instances, INSTANCE_COLUMNS, 'created_at', filters, page),

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
