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
];
