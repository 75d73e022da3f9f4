import type { Migration } from './migration';

/**
 * The SQLite schema, step by step. JSON columns hold `JSON.stringify` text; timestamps hold the
 * ISO strings the records carry, which sort as text in time order.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'workflows, instances, events and logs',
    sql: `
      CREATE TABLE workflows (
        workflow_id   TEXT PRIMARY KEY NOT NULL,
        name          TEXT NOT NULL,
        version       INTEGER NOT NULL,
        workflow_data TEXT NOT NULL,
        created_by    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX idx_workflows_created_by ON workflows(created_by);

      CREATE TABLE workflow_instances (
        instance_id   TEXT PRIMARY KEY NOT NULL,
        workflow_id   TEXT,
        name          TEXT NOT NULL,
        status        TEXT NOT NULL,
        workflow_data TEXT NOT NULL,
        input_data    TEXT,
        created_by    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        started_at    TEXT,
        finished_at   TEXT,
        error         TEXT
      );
      CREATE INDEX idx_workflow_instances_status ON workflow_instances(status);
      CREATE INDEX idx_workflow_instances_created_by ON workflow_instances(created_by);

      -- The primary key is also the index of events by instance, in seq order.
      CREATE TABLE execution_events (
        instance_id TEXT NOT NULL REFERENCES workflow_instances(instance_id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        event_type  TEXT NOT NULL,
        step_id     TEXT,
        timestamp   TEXT NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (instance_id, seq)
      );

      CREATE TABLE workflow_task_logs (
        id                   INTEGER PRIMARY KEY,
        workflow_instance_id TEXT NOT NULL
                             REFERENCES workflow_instances(instance_id) ON DELETE CASCADE,
        seq                  INTEGER NOT NULL,
        step_id              TEXT,
        level                TEXT NOT NULL,
        message              TEXT NOT NULL,
        data                 TEXT,
        timestamp            TEXT NOT NULL
      );
      -- The seed's index, with seq added so "logs of an instance after seq N" is one range scan.
      CREATE INDEX idx_execution_logs_instance_id ON workflow_task_logs(workflow_instance_id, seq);
    `,
  },
  {
    version: 2,
    name: 'tenant_id on workflows and instances',
    sql: `
      ALTER TABLE workflows ADD COLUMN tenant_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN tenant_id TEXT;
      -- Lists by access read "created_by = ? OR tenant_id = ?", newest first.
      CREATE INDEX idx_workflows_tenant_id ON workflows(tenant_id, updated_at);
      CREATE INDEX idx_workflow_instances_tenant_id ON workflow_instances(tenant_id, created_at);
    `,
  },
  {
    version: 3,
    name: 'credentials',
    sql: `
      -- The data is only ever stored sealed, in ciphertext; no column holds it in the clear.
      CREATE TABLE credentials (
        credential_id TEXT PRIMARY KEY NOT NULL,
        name          TEXT NOT NULL,
        type          TEXT NOT NULL,
        ciphertext    TEXT NOT NULL,
        created_by    TEXT,
        tenant_id     TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX idx_credentials_created_by ON credentials(created_by);
      CREATE INDEX idx_credentials_tenant_id ON credentials(tenant_id);
    `,
  },
  {
    version: 4,
    name: 'run history, workflow versions',
    sql: `
      -- NULL for instances stored before: none of them records a version, trigger or parent.
      ALTER TABLE workflow_instances ADD COLUMN workflow_version INTEGER;
      ALTER TABLE workflow_instances ADD COLUMN trigger_type TEXT;
      ALTER TABLE workflow_instances ADD COLUMN trigger_step_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN parent_instance_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN parent_step_id TEXT;
      ALTER TABLE workflow_instances ADD COLUMN progress TEXT;
      -- Run lists read newest first (created_at, then instance_id, as their cursor does) under
      -- each filter; retention reads finished runs by finish time.
      CREATE INDEX idx_workflow_instances_created_at
        ON workflow_instances(created_at, instance_id);
      CREATE INDEX idx_workflow_instances_status_created_at
        ON workflow_instances(status, created_at, instance_id);
      CREATE INDEX idx_workflow_instances_workflow_id
        ON workflow_instances(workflow_id, created_at, instance_id);
      CREATE INDEX idx_workflow_instances_trigger_type
        ON workflow_instances(trigger_type, created_at, instance_id);
      CREATE INDEX idx_workflow_instances_parent_instance_id
        ON workflow_instances(parent_instance_id);
      CREATE INDEX idx_workflow_instances_finished_at ON workflow_instances(status, finished_at);

      -- Every save of a workflow; deleting the workflow deletes its versions.
      CREATE TABLE workflow_versions (
        workflow_id   TEXT NOT NULL REFERENCES workflows(workflow_id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        name          TEXT NOT NULL,
        workflow_data TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        updated_by    TEXT,
        valid         INTEGER,
        PRIMARY KEY (workflow_id, version)
      );
      -- The saves before this step kept only their latest version: it becomes the first kept.
      INSERT INTO workflow_versions (workflow_id, version, name, workflow_data, updated_at)
        SELECT workflow_id, version, name, workflow_data, updated_at FROM workflows;
    `,
  },
  {
    version: 5,
    name: 'workflow activations',
    sql: `
      -- One row per active workflow: its triggers run active_version. Deleting the workflow
      -- deactivates it.
      CREATE TABLE workflow_activations (
        workflow_id    TEXT PRIMARY KEY NOT NULL
                       REFERENCES workflows(workflow_id) ON DELETE CASCADE,
        active_version INTEGER NOT NULL,
        activated_at   TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'wake times of waiting runs',
    sql: `
      -- When a waiting run wakes by itself (ISO text, which sorts in time order); NULL for one
      -- that only a resume request or a sub-workflow wakes. Read only while status = 'waiting'.
      ALTER TABLE workflow_instances ADD COLUMN wake_at TEXT;
      -- The waker reads "waiting runs due by now", earliest first.
      CREATE INDEX idx_workflow_instances_wake_at ON workflow_instances(status, wake_at);
    `,
  },
  {
    version: 7,
    name: 'retention by count per workflow',
    sql: `
      -- Retention finds a workflow's newest finished runs per status in index order, and
      -- deletes an index range older than them: no pass over the whole table.
      CREATE INDEX idx_workflow_instances_retention
        ON workflow_instances(workflow_id, status, created_at, instance_id);
    `,
  },
  {
    version: 8,
    name: 'root runs of sub-workflow trees',
    sql: `
      -- The run at the top of each run's tree of sub-workflows (its own id for a root), so the
      -- runs of one tree are counted through an index (limits.maxRunsPerTree).
      ALTER TABLE workflow_instances ADD COLUMN root_instance_id TEXT;
      -- Runs stored before: each one's root, walking parent_instance_id up from the roots.
      WITH RECURSIVE tree(instance_id, root_id) AS (
        SELECT instance_id, instance_id FROM workflow_instances WHERE parent_instance_id IS NULL
        UNION ALL
        SELECT child.instance_id, tree.root_id
          FROM workflow_instances child JOIN tree ON child.parent_instance_id = tree.instance_id
      )
      UPDATE workflow_instances
        SET root_instance_id = (SELECT root_id FROM tree WHERE tree.instance_id = workflow_instances.instance_id);
      -- A run whose parent was deleted roots a tree of its own.
      UPDATE workflow_instances SET root_instance_id = instance_id WHERE root_instance_id IS NULL;
      CREATE INDEX idx_workflow_instances_root ON workflow_instances(root_instance_id);
    `,
  },
  {
    version: 9,
    name: 'run leases',
    sql: `
      -- Which process executes a run, and until when (ISO text, which sorts in time order)
      -- unless it renews the lease; both NULL when nobody holds it. Claims of orphaned runs
      -- read unfinished runs through the status index and check these on each.
      ALTER TABLE workflow_instances ADD COLUMN lease_owner TEXT;
      ALTER TABLE workflow_instances ADD COLUMN lease_expires_at TEXT;
    `,
  },
  {
    version: 10,
    name: 'audit log',
    sql: `
      -- Who did what to which record, from where: appended by the server after each save,
      -- activation, delete, execute, stop, retry, resume and credential change; never updated.
      CREATE TABLE audit_log (
        audit_id      TEXT PRIMARY KEY NOT NULL,
        at            TEXT NOT NULL,
        actor_id      TEXT,
        tenant_id     TEXT,
        action        TEXT NOT NULL,
        resource_type TEXT NOT NULL,
        resource_id   TEXT,
        ip            TEXT
      );
      -- The log is read newest first (at, then audit_id), whole or by record, actor or tenant.
      CREATE INDEX idx_audit_log_at ON audit_log(at, audit_id);
      CREATE INDEX idx_audit_log_resource_id ON audit_log(resource_id, at, audit_id);
      CREATE INDEX idx_audit_log_actor_id ON audit_log(actor_id, at, audit_id);
      CREATE INDEX idx_audit_log_tenant_id ON audit_log(tenant_id, at, audit_id);
    `,
  },
];
