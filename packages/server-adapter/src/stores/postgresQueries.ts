import { quoteIdentifier } from './quoteIdentifier';

const SUMMARY_COLUMNS = 'workflow_id, name, version, created_by, created_at, updated_at';
const WORKFLOW_COLUMNS = `${SUMMARY_COLUMNS}, workflow_data`;
const INSTANCE_COLUMNS = `instance_id, workflow_id, name, status, workflow_data, input_data,
  created_by, created_at, updated_at, started_at, finished_at, error`;
const EVENT_COLUMNS = 'instance_id, seq, event_type, step_id, "timestamp", data';

/** Filters of a list query; `null` for `created_by` means "created by nobody". */
export interface ListFilters {
  created_by?: string | null;
  status?: string;
}

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

  /** The page and the total of a filtered list, ordered newest first by `orderColumn`. */
  const listQueries = (
    from: string,
    columns: string,
    orderColumn: string,
    filters: ListFilters,
    page: { limit: number; offset: number },
  ): { page: Query; count: Query } => {
    const conditions: string[] = [];
    const values: unknown[] = [];
    // `created_by = NULL` matches nothing, so "created by nobody" is its own condition.
    if (filters.created_by === null) conditions.push('created_by IS NULL');
    else if (filters.created_by !== undefined) {
      values.push(filters.created_by);
      conditions.push(`created_by = $${values.length}`);
    }
    if (filters.status !== undefined) {
      values.push(filters.status);
      conditions.push(`status = $${values.length}`);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
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
        (workflow_id, name, version, workflow_data, created_by, created_at, updated_at)
      VALUES ($1, $2, 1, $3::jsonb, $4, $5, $5) RETURNING ${WORKFLOW_COLUMNS}`,
    updateWorkflow: `UPDATE ${workflows}
      SET name = $2, workflow_data = $3::jsonb, version = version + 1, updated_at = $4
      WHERE workflow_id = $1 RETURNING ${WORKFLOW_COLUMNS}`,
    selectWorkflow: `SELECT ${WORKFLOW_COLUMNS} FROM ${workflows} WHERE workflow_id = $1`,
    deleteWorkflow: `DELETE FROM ${workflows} WHERE workflow_id = $1`,
    listWorkflows: (filters: ListFilters, page: { limit: number; offset: number }) =>
      listQueries(workflows, SUMMARY_COLUMNS, 'updated_at', filters, page),

    insertInstance: `INSERT INTO ${instances} (${INSTANCE_COLUMNS})
      VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12::jsonb)
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
    insertEvents: `INSERT INTO ${events} (${EVENT_COLUMNS})
      SELECT instance_id, seq, event_type, step_id, "timestamp", data
      FROM jsonb_to_recordset($1::jsonb) AS batch(instance_id text, seq integer,
        event_type text, step_id text, "timestamp" text, data jsonb)`,
    lastEventSeq: `SELECT COALESCE(MAX(seq), 0) AS seq FROM ${events} WHERE instance_id = $1`,
    listEvents: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE instance_id = $1 AND seq > $2
      ORDER BY seq LIMIT $3`,

    // `data_json` is JSON text or NULL, so an entry without data stays apart from `data: null`.
    insertLogs: `INSERT INTO ${logs}
        (workflow_instance_id, seq, step_id, level, message, data, "timestamp")
      SELECT instance_id, seq, step_id, level, message, data_json::jsonb, "timestamp"
      FROM jsonb_to_recordset($1::jsonb) AS batch(instance_id text, seq integer,
        step_id text, level text, message text, data_json text, "timestamp" text)`,
    listLogs: `SELECT workflow_instance_id, seq, step_id, level, message, data,
        data IS NULL AS no_data, "timestamp"
      FROM ${logs} WHERE workflow_instance_id = $1 AND seq > $2
      ORDER BY seq, id LIMIT $3`,
  };
}

/** The SQL of a {@link PostgresStore}. */
export type PostgresQueries = ReturnType<typeof postgresQueries>;
