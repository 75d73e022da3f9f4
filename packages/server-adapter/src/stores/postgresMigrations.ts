import type { Migration } from './migration';

/**
 * The PostgreSQL schema, step by step. The runner sets `search_path` to the store's schema, so
 * the statements name no schema. JSON columns are JSONB; timestamps are the ISO strings the
 * records carry, in `COLLATE "C"` text so they sort byte by byte, which is time order.
 * `insertion_order` breaks ties between equal timestamps, as SQLite's rowid does.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'workflows, instances, events and logs',
    sql: `
      CREATE TABLE IF NOT EXISTS workflows (
        workflow_id     TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        version         INTEGER NOT NULL,
        workflow_data   JSONB NOT NULL,
        created_by      TEXT,
        created_at      TEXT COLLATE "C" NOT NULL,
        updated_at      TEXT COLLATE "C" NOT NULL,
        insertion_order BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX IF NOT EXISTS idx_workflows_created_by ON workflows(created_by);

      CREATE TABLE IF NOT EXISTS workflow_instances (
        instance_id     TEXT PRIMARY KEY,
        workflow_id     TEXT,
        name            TEXT NOT NULL,
        status          TEXT NOT NULL,
        workflow_data   JSONB NOT NULL,
        input_data      JSONB,
        created_by      TEXT,
        created_at      TEXT COLLATE "C" NOT NULL,
        updated_at      TEXT COLLATE "C" NOT NULL,
        started_at      TEXT,
        finished_at     TEXT,
        error           JSONB,
        insertion_order BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_status ON workflow_instances(status);
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_created_by
        ON workflow_instances(created_by);

      -- The primary key is also the index of events by instance, in seq order.
      CREATE TABLE IF NOT EXISTS execution_events (
        instance_id TEXT NOT NULL REFERENCES workflow_instances(instance_id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        event_type  TEXT NOT NULL,
        step_id     TEXT,
        "timestamp" TEXT NOT NULL,
        data        JSONB NOT NULL,
        PRIMARY KEY (instance_id, seq)
      );

      CREATE TABLE IF NOT EXISTS workflow_task_logs (
        id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workflow_instance_id TEXT NOT NULL
                             REFERENCES workflow_instances(instance_id) ON DELETE CASCADE,
        seq                  INTEGER NOT NULL,
        step_id              TEXT,
        level                TEXT NOT NULL,
        message              TEXT NOT NULL,
        data                 JSONB,
        "timestamp"          TEXT NOT NULL
      );
      -- The seed's index, with seq added so "logs of an instance after seq N" is one range scan.
      CREATE INDEX IF NOT EXISTS idx_execution_logs_instance_id
        ON workflow_task_logs(workflow_instance_id, seq);
    `,
  },
  {
    version: 2,
    name: 'tenant_id on workflows and instances',
    sql: `
      ALTER TABLE workflows ADD COLUMN IF NOT EXISTS tenant_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS tenant_id TEXT;
      -- Lists by access read "created_by = $1 OR tenant_id = $2", newest first.
      CREATE INDEX IF NOT EXISTS idx_workflows_tenant_id ON workflows(tenant_id, updated_at);
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_tenant_id
        ON workflow_instances(tenant_id, created_at);
    `,
  },
  {
    version: 3,
    name: 'credentials',
    sql: `
      -- The data is only ever stored sealed, in ciphertext; no column holds it in the clear.
      CREATE TABLE IF NOT EXISTS credentials (
        credential_id   TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        type            TEXT NOT NULL,
        ciphertext      TEXT NOT NULL,
        created_by      TEXT,
        tenant_id       TEXT,
        created_at      TEXT COLLATE "C" NOT NULL,
        updated_at      TEXT COLLATE "C" NOT NULL,
        insertion_order BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX IF NOT EXISTS idx_credentials_created_by ON credentials(created_by);
      CREATE INDEX IF NOT EXISTS idx_credentials_tenant_id ON credentials(tenant_id);
    `,
  },
  {
    version: 4,
    name: 'escape U+E000 in stored text, as strings holding NUL are now stored',
    // From now on U+E000 is the escape character of text and jsonb values (postgresText.ts):
    // one already stored is doubled, so it reads back as itself. Ids are left alone.
    sql: `
      ${escapeMarker('workflows', ['name', 'created_by'], ['workflow_data'])}
      ${escapeMarker('workflow_instances', ['name', 'created_by'], ['workflow_data', 'input_data', 'error'])}
      ${escapeMarker('execution_events', ['step_id'], ['data'])}
      ${escapeMarker('workflow_task_logs', ['step_id', 'message'], ['data'])}
    `,
  },
  {
    version: 5,
    name: 'run history, workflow versions',
    sql: `
      -- NULL for instances stored before: none of them records a version, trigger or parent.
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS workflow_version INTEGER;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS trigger_type TEXT;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS trigger_step_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS parent_instance_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS parent_step_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS progress JSONB;
      -- Run lists read newest first (created_at, then instance_id byte by byte, as their cursor
      -- does) under each filter; retention reads finished runs by finish time.
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_created_at
        ON workflow_instances(created_at, instance_id COLLATE "C");
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_status_created_at
        ON workflow_instances(status, created_at, instance_id COLLATE "C");
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_workflow_id
        ON workflow_instances(workflow_id, created_at, instance_id COLLATE "C");
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_trigger_type
        ON workflow_instances(trigger_type, created_at, instance_id COLLATE "C");
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_parent_instance_id
        ON workflow_instances(parent_instance_id);
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_finished_at
        ON workflow_instances(status, finished_at COLLATE "C");

      -- Every save of a workflow; deleting the workflow deletes its versions.
      CREATE TABLE IF NOT EXISTS workflow_versions (
        workflow_id   TEXT NOT NULL REFERENCES workflows(workflow_id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        name          TEXT NOT NULL,
        workflow_data JSONB NOT NULL,
        updated_at    TEXT COLLATE "C" NOT NULL,
        updated_by    TEXT,
        valid         BOOLEAN,
        PRIMARY KEY (workflow_id, version)
      );
      -- The saves before this step kept only their latest version: it becomes the first kept.
      INSERT INTO workflow_versions (workflow_id, version, name, workflow_data, updated_at)
        SELECT workflow_id, version, name, workflow_data, updated_at FROM workflows
        ON CONFLICT DO NOTHING;
    `,
  },
  {
    version: 6,
    name: 'workflow activations',
    sql: `
      -- One row per active workflow: its triggers run active_version. Deleting the workflow
      -- deactivates it.
      CREATE TABLE IF NOT EXISTS workflow_activations (
        workflow_id    TEXT PRIMARY KEY REFERENCES workflows(workflow_id) ON DELETE CASCADE,
        active_version INTEGER NOT NULL,
        activated_at   TEXT COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'wake times of waiting runs',
    sql: `
      -- When a waiting run wakes by itself (ISO text, compared byte by byte); NULL for one that
      -- only a resume request or a sub-workflow wakes. Read only while status = 'waiting'.
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS wake_at TEXT COLLATE "C";
      -- The waker reads "waiting runs due by now", earliest first.
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_wake_at
        ON workflow_instances(status, wake_at);
    `,
  },
  {
    version: 8,
    name: 'retention by count per workflow',
    sql: `
      -- Retention finds a workflow's newest finished runs per status in index order (created_at,
      -- then instance_id byte by byte), and deletes an index range older than them: no pass over
      -- the whole table.
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_retention
        ON workflow_instances(workflow_id, status, created_at, instance_id COLLATE "C");
    `,
  },
  {
    version: 9,
    name: 'root runs of sub-workflow trees',
    sql: `
      -- The run at the top of each run's tree of sub-workflows (its own id for a root), so the
      -- runs of one tree are counted through an index (limits.maxRunsPerTree).
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS root_instance_id TEXT;
      -- Runs stored before: each one's root, walking parent_instance_id up from the roots.
      WITH RECURSIVE tree(instance_id, root_id) AS (
        SELECT instance_id, instance_id FROM workflow_instances WHERE parent_instance_id IS NULL
        UNION ALL
        SELECT child.instance_id, tree.root_id
          FROM workflow_instances child JOIN tree ON child.parent_instance_id = tree.instance_id
      )
      UPDATE workflow_instances AS w SET root_instance_id = tree.root_id
        FROM tree WHERE tree.instance_id = w.instance_id AND w.root_instance_id IS NULL;
      -- A run whose parent was deleted roots a tree of its own.
      UPDATE workflow_instances SET root_instance_id = instance_id WHERE root_instance_id IS NULL;
      CREATE INDEX IF NOT EXISTS idx_workflow_instances_root
        ON workflow_instances(root_instance_id);
    `,
  },
  {
    version: 10,
    name: 'run leases',
    sql: `
      -- Which process executes a run, and until when unless it renews the lease; both NULL
      -- when nobody holds it. Expiry is read against the database's clock, so the processes'
      -- clocks need not agree.
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS lease_owner TEXT COLLATE "C";
      ALTER TABLE workflow_instances ADD COLUMN IF NOT EXISTS lease_expires_at TIMESTAMPTZ;
    `,
  },
  {
    version: 11,
    name: 'audit log',
    sql: `
      -- Who did what to which record, from where: appended by the server after each save,
      -- activation, delete, execute, stop, retry, resume and credential change; never updated.
      -- Times are ISO text compared byte by byte, like the other tables' (and the cursor).
      CREATE TABLE IF NOT EXISTS audit_log (
        audit_id      TEXT COLLATE "C" PRIMARY KEY,
        at            TEXT COLLATE "C" NOT NULL,
        actor_id      TEXT,
        tenant_id     TEXT,
        action        TEXT NOT NULL,
        resource_type TEXT NOT NULL,
        resource_id   TEXT,
        ip            TEXT
      );
      -- The log is read newest first (at, then audit_id), whole or by record, actor or tenant.
      CREATE INDEX IF NOT EXISTS idx_audit_log_at ON audit_log(at, audit_id);
      CREATE INDEX IF NOT EXISTS idx_audit_log_resource_id ON audit_log(resource_id, at, audit_id);
      CREATE INDEX IF NOT EXISTS idx_audit_log_actor_id ON audit_log(actor_id, at, audit_id);
      CREATE INDEX IF NOT EXISTS idx_audit_log_tenant_id ON audit_log(tenant_id, at, audit_id);
    `,
  },
];

/** The UPDATE that doubles every U+E000 in a table's text and jsonb columns. */
function escapeMarker(table: string, textColumns: string[], jsonColumns: string[]): string {
  const mark = 'chr(57344)';
  const doubled = (value: string) => `replace(${value}, ${mark}, ${mark} || ${mark})`;
  const holds = (value: string) => `strpos(${value}, ${mark}) > 0`;
  const sets = [
    ...textColumns.map((column) => `${column} = ${doubled(column)}`),
    ...jsonColumns.map((column) => `${column} = ${doubled(`${column}::text`)}::jsonb`),
  ];
  const where = [
    ...textColumns.map((column) => holds(column)),
    ...jsonColumns.map((column) => holds(`${column}::text`)),
  ];
  return `UPDATE ${table} SET ${sets.join(', ')} WHERE ${where.join(' OR ')};`;
}
