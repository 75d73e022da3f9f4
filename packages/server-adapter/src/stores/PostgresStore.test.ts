import { randomUUID } from 'node:crypto';
import { describeWorkflowStoreContract } from '@flowloom/core/testing/store-contract';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeDurableStoreBehaviour,
  sampleInstance,
} from './durableStoreBehaviour.test-helpers';
import { migratePostgres } from './migratePostgres';
import { PostgresStore } from './PostgresStore';
import { postgresMigrations } from './postgresMigrations';

const databaseUrl = process.env.DATABASE_URL;

if (!databaseUrl) {
  console.warn(
    'PostgresStore tests skipped: DATABASE_URL is unset (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).',
  );
  describe.skip('PostgresStore (skipped: DATABASE_URL is unset)', () => {
    it('runs the WorkflowStore contract against PostgreSQL', () => {});
  });
} else {
  // One schema per run of this file, so parallel runs and other tests never meet.
  const schema = `flowloom_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const otherSchemas: string[] = [];
  /** A further schema of this run, dropped with the main one. */
  const freshSchema = () => {
    const name = `${schema}_${otherSchemas.length + 1}`;
    otherSchemas.push(name);
    return name;
  };
  const pool = new Pool({ connectionString: databaseUrl });

  afterAll(async () => {
    for (const name of [schema, ...otherSchemas]) {
      await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
    await pool.end();
  });

  /** A store on the run's schema, emptied: the suites want an empty store per test. */
  const emptyStore = async () => {
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    await pool.query(
      `TRUNCATE "${schema}".workflows, "${schema}".workflow_versions,
        "${schema}".workflow_instances, "${schema}".execution_events,
        "${schema}".workflow_task_logs, "${schema}".credentials,
        "${schema}".workflow_activations, "${schema}".audit_log
        RESTART IDENTITY`,
    );
    return store;
  };
  describeWorkflowStoreContract('PostgresStore', emptyStore);
  describeDurableStoreBehaviour('PostgresStore', emptyStore);

  describe('PostgresStore', () => {
    /** A schema migrated once, before these tests. */
    let migrated: string;
    beforeAll(async () => {
      migrated = freshSchema();
      await new PostgresStore({ pool, schema: migrated }).migrate();
    });

    it('migrates one schema from two stores at once, applying each step once', async () => {
      const shared = freshSchema();
      const first = new PostgresStore({ connectionString: databaseUrl, schema: shared });
      const second = new PostgresStore({ connectionString: databaseUrl, schema: shared });
      try {
        await Promise.all([first.migrate(), second.migrate()]);
        const { rows } = await pool.query(
          `SELECT version, name FROM "${shared}".flowloom_migrations ORDER BY version`,
        );
        expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
        expect(await second.listInstances()).toEqual({ instances: [], total: 0 });
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('finds nothing to apply in a schema already migrated', async () => {
      expect(await migratePostgres(pool, migrated, postgresMigrations)).toEqual([]);
      const { rows } = await pool.query(
        `SELECT COUNT(*)::int AS count FROM "${migrated}".flowloom_migrations`,
      );
      expect(rows[0].count).toBe(postgresMigrations.length);
    });

    it('numbers its migrations 1, 2, 3, ... in order', () => {
      expect(postgresMigrations.map((migration) => migration.version)).toEqual(
        postgresMigrations.map((_, index) => index + 1),
      );
    });

    it('creates the seed indexes in its schema', async () => {
      const { rows } = await pool.query<{ indexname: string }>(
        'SELECT indexname FROM pg_indexes WHERE schemaname = $1',
        [migrated],
      );
      expect(rows.map((row) => row.indexname)).toEqual(
        expect.arrayContaining([
          'idx_workflow_instances_status',
          'idx_workflow_instances_created_by',
          'idx_execution_logs_instance_id',
          'idx_workflows_tenant_id',
          'idx_workflow_instances_tenant_id',
          'idx_credentials_created_by',
          'idx_credentials_tenant_id',
          'idx_workflow_instances_created_at',
          'idx_workflow_instances_status_created_at',
          'idx_workflow_instances_workflow_id',
          'idx_workflow_instances_trigger_type',
          'idx_workflow_instances_parent_instance_id',
          'idx_workflow_instances_finished_at',
        ]),
      );
    });

    it('upgrades a version-4 schema: old instances read back without history fields, old workflows keep their version', async () => {
      const old = freshSchema();
      await migratePostgres(pool, old, postgresMigrations.slice(0, 4));
      const document = JSON.stringify({ nodes: [], edges: [] });
      await pool.query(
        `INSERT INTO "${old}".workflow_instances (instance_id, workflow_id, name, status,
           workflow_data, created_by, created_at, updated_at)
         VALUES ('i1', 'w1', 'Old', 'completed', $1::jsonb, 'u1', '2026-01-01', '2026-01-01')`,
        [document],
      );
      await pool.query(
        `INSERT INTO "${old}".workflows (workflow_id, name, version, workflow_data, created_by,
           created_at, updated_at)
         VALUES ('w1', 'Saved twice', 2, $1::jsonb, 'u1', '2026-01-01', '2026-01-02')`,
        [document],
      );
      const store = new PostgresStore({ pool, schema: old });
      try {
        expect(await store.getInstance('i1')).toMatchObject({
          workflow_version: null,
          trigger: null,
          parent_instance_id: null,
          parent_step_id: null,
          progress: null,
        });
        expect((await store.listInstanceSummaries({ workflow_id: 'w1' })).total).toBe(1);
        expect(await store.listWorkflowVersions('w1')).toEqual([
          {
            version: 2,
            name: 'Saved twice',
            updated_at: '2026-01-02',
            updated_by: null,
            valid: null,
          },
        ]);
        const next = await store.saveWorkflow({
          workflow_id: 'w1',
          expected_version: 2,
          name: 'Third',
          workflow_data: { nodes: [], edges: [] },
        });
        expect(next.version).toBe(3);
      } finally {
        await store.close();
      }
    });

    it('reads a filtered, newest-first run list in index order', async () => {
      const store = new PostgresStore({ pool, schema: migrated });
      await store.getInstance('x');
      const client = await pool.connect();
      try {
        // Planned as on a large table: the planner may not scan what it could read by index.
        await client.query('BEGIN');
        await client.query('SET LOCAL enable_seqscan = off');
        await client.query('SET LOCAL enable_sort = off');
        for (const where of [
          "status IN ('running', 'failed')",
          "workflow_id = 'w'",
          "trigger_type = 'schedule'",
        ]) {
          const { rows } = await client.query(
            `EXPLAIN SELECT instance_id FROM "${migrated}".workflow_instances WHERE ${where}
             ORDER BY created_at DESC, instance_id COLLATE "C" DESC LIMIT 51`,
          );
          const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
          expect(plan, where).toMatch(/idx_workflow_instances_/);
          expect(plan, where).not.toMatch(/Seq Scan/);
        }
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('upgrades a version-1 schema: old rows get no tenant and keep their U+E000 intact', async () => {
      const old = freshSchema();
      await migratePostgres(pool, old, postgresMigrations.slice(0, 1));
      const marked = 'icon \uE000 then 0: \uE0000, doubled: \uE000\uE000';
      await pool.query(
        `INSERT INTO "${old}".workflows
           (workflow_id, name, version, workflow_data, created_by, created_at, updated_at)
         VALUES ('w1', $1, 1, $2::jsonb, 'u1', $3, $3)`,
        [marked, JSON.stringify({ nodes: [], edges: [], note: marked }), '2026-01-01T00:00:00Z'],
      );
      const store = new PostgresStore({ pool, schema: old });
      const workflow = await store.loadWorkflow('w1');
      expect(workflow).toMatchObject({ name: marked, tenant_id: null, created_by: 'u1' });
      expect(workflow?.workflow_data).toMatchObject({ note: marked });
      await store.close();
    });

    it('stores NUL escaped, so plain SQL sees no U+0000 and the store reads it back', async () => {
      const store = new PostgresStore({ pool, schema: migrated });
      const saved = await store.saveWorkflow({
        name: 'a\u0000b',
        workflow_data: { nodes: [], edges: [] },
      });
      const { rows } = await pool.query(
        `SELECT name FROM "${migrated}".workflows WHERE workflow_id = $1`,
        [saved.workflow_id],
      );
      expect(rows[0].name).toBe('a\uE0000b');
      expect((await store.loadWorkflow(saved.workflow_id))?.name).toBe('a\u0000b');
    });

    it('leaves a pool it was given open when it closes', async () => {
      const borrowing = new PostgresStore({ pool, schema: migrated });
      await borrowing.getInstance('x');
      await borrowing.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('ends the pool it opened when it closes', async () => {
      const owning = new PostgresStore({ connectionString: databaseUrl, schema: migrated });
      await owning.getInstance('x');
      await owning.close();
      await expect(owning.getInstance('x')).rejects.toThrow(/pool/i);
    });

    it('refuses a row that no longer matches its schema', async () => {
      const store = new PostgresStore({ pool, schema: migrated });
      await store.createInstance(sampleInstance('bad'));
      await pool.query(
        `UPDATE "${migrated}".workflow_instances SET status = 'exploded' WHERE instance_id = $1`,
        ['bad'],
      );
      await expect(store.getInstance('bad')).rejects.toMatchObject({
        code: 'INTERNAL_ERROR',
        issues: [expect.objectContaining({ path: 'status' })],
      });
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(() => new PostgresStore({ pool, schema: 'x"; DROP SCHEMA public; --' })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });
}
