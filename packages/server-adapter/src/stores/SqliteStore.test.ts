import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWorkflowStoreContract } from '@flowloom/core/testing/store-contract';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeDurableStoreBehaviour,
  logEvent,
  sampleInstance,
} from './durableStoreBehaviour.test-helpers';
import { migrateSqlite } from './migrateSqlite';
import { SqliteStore } from './SqliteStore';
import { sqliteMigrations } from './sqliteMigrations';

const folder = mkdtempSync(join(tmpdir(), 'flowloom-sqlite-'));
let fileCount = 0;
/** A path in the test folder no other test uses. */
const freshFile = () => join(folder, `store-${++fileCount}.db`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeWorkflowStoreContract('SqliteStore (:memory:)', () => new SqliteStore(':memory:'));
describeWorkflowStoreContract('SqliteStore (file)', () => new SqliteStore(freshFile()));
describeDurableStoreBehaviour('SqliteStore (:memory:)', () => new SqliteStore(':memory:'));
describeDurableStoreBehaviour('SqliteStore (file)', () => new SqliteStore(freshFile()));

describe('SqliteStore (file)', () => {
  let file: string;
  let store: SqliteStore;
  beforeEach(() => {
    file = freshFile();
    store = new SqliteStore({ filename: file, busyTimeoutMs: 1000 });
  });
  afterEach(() => store.close());

  /** Works on the file through a second connection, as another process would. */
  function withConnection<T>(work: (db: Database.Database) => T): T {
    return withFile(file, work);
  }

  it('keeps workflows, instances, events and logs when the file is reopened', async () => {
    const saved = await store.saveWorkflow({
      name: 'Kept',
      workflow_data: sampleInstance('w').workflow_data,
    });
    await store.createInstance(sampleInstance('i1'));
    await store.appendEvents([logEvent('i1', 1), logEvent('i1', 2)]);
    await store.appendLogs([
      {
        instance_id: 'i1',
        seq: 1,
        step_id: 's',
        level: 'info',
        message: 'hi',
        timestamp: '2026-01-01T00:00:01.000Z',
      },
    ]);
    await store.close();

    store = new SqliteStore(file);
    expect(await store.loadWorkflow(saved.workflow_id)).toEqual(saved);
    expect(await store.getInstance('i1')).toEqual(sampleInstance('i1'));
    expect(await store.listEvents('i1')).toEqual([logEvent('i1', 1), logEvent('i1', 2)]);
    expect(await store.lastEventSeq('i1')).toBe(2);
    expect((await store.listLogs('i1')).map((entry) => entry.message)).toEqual(['hi']);
  });

  it('applies each migration once and records its version', async () => {
    await store.close();
    store = new SqliteStore(file);
    const recorded = withConnection((db) =>
      db.prepare('SELECT version, name FROM flowloom_migrations ORDER BY version').all(),
    );
    expect(recorded).toEqual(sqliteMigrations.map(({ version, name }) => ({ version, name })));
    expect(withConnection((db) => migrateSqlite(db, sqliteMigrations))).toEqual([]);
  });

  it('numbers its migrations 1, 2, 3, ... in order', () => {
    expect(sqliteMigrations.map((migration) => migration.version)).toEqual(
      sqliteMigrations.map((_, index) => index + 1),
    );
  });

  it('creates the seed indexes', () => {
    const indexes = withConnection((db) =>
      db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'",
        )
        .all()
        .map((row) => row.name),
    );
    expect(indexes).toEqual(
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

  it('reads a filtered run list through an index, never scanning the table', () => {
    const plans = withConnection((db) =>
      [
        "status IN ('running', 'failed')",
        "workflow_id = 'w'",
        "trigger_type = 'schedule'",
        "parent_instance_id = 'p'",
      ].map((where) =>
        db
          .prepare<[], { detail: string }>(
            `EXPLAIN QUERY PLAN SELECT instance_id FROM workflow_instances WHERE ${where}
             ORDER BY created_at DESC, instance_id DESC LIMIT 51`,
          )
          .all()
          .map((row) => row.detail)
          .join('; '),
      ),
    );
    for (const plan of plans)
      expect(plan).toMatch(/USING (COVERING )?INDEX idx_workflow_instances_/);
  });

  it('upgrades a version-3 file: old instances read back without history fields, old workflows keep their version', async () => {
    await store.close();
    const old = freshFile();
    withFile(old, (db) => {
      migrateSqlite(db, sqliteMigrations.slice(0, 3));
      db.prepare(
        `INSERT INTO workflow_instances (instance_id, workflow_id, name, status, workflow_data,
           created_by, created_at, updated_at)
         VALUES ('i1', 'w1', 'Old', 'completed', ?, 'u1', ?, ?)`,
      ).run(JSON.stringify(sampleInstance('i1').workflow_data), '2026-01-01', '2026-01-01');
      db.prepare(
        `INSERT INTO workflows (workflow_id, name, version, workflow_data, created_by,
           created_at, updated_at)
         VALUES ('w1', 'Saved twice', 2, ?, 'u1', '2026-01-01', '2026-01-02')`,
      ).run(JSON.stringify(sampleInstance('i1').workflow_data));
    });
    store = new SqliteStore(old);
    expect(await store.getInstance('i1')).toMatchObject({
      workflow_version: null,
      trigger: null,
      parent_instance_id: null,
      parent_step_id: null,
      progress: null,
    });
    expect((await store.listInstanceSummaries({ workflow_id: 'w1' })).total).toBe(1);
    expect(await store.listWorkflowVersions('w1')).toEqual([
      { version: 2, name: 'Saved twice', updated_at: '2026-01-02', updated_by: null, valid: null },
    ]);
    expect((await store.loadWorkflowVersion('w1', 2))?.name).toBe('Saved twice');
    const next = await store.saveWorkflow({
      workflow_id: 'w1',
      expected_version: 2,
      name: 'Third',
      workflow_data: sampleInstance('i1').workflow_data,
    });
    expect(next.version).toBe(3);
  });

  it('upgrades a version-1 file: old rows read back with no tenant', async () => {
    await store.close();
    const old = freshFile();
    withFile(old, (db) => {
      migrateSqlite(db, sqliteMigrations.slice(0, 1));
      db.prepare(
        `INSERT INTO workflow_instances (instance_id, workflow_id, name, status, workflow_data,
           created_by, created_at, updated_at)
         VALUES ('i1', NULL, 'Old', 'pending', ?, 'u1', ?, ?)`,
      ).run(JSON.stringify(sampleInstance('i1').workflow_data), '2026-01-01', '2026-01-01');
    });
    store = new SqliteStore(old);
    expect(await store.getInstance('i1')).toMatchObject({ created_by: 'u1', tenant_id: null });
    expect((await store.listInstances({ access: { user_id: 'u1', tenant_id: 't1' } })).total).toBe(
      1,
    );
  });

  it('puts a file database in WAL mode', () => {
    expect(withConnection((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('syncs to disk per commit only when asked to (synchronous: full)', async () => {
    // The setting belongs to the store's own connection, so it is read from there.
    const synchronousOf = (of: SqliteStore) =>
      (of as unknown as { db: { pragma(text: string, options: object): unknown } }).db.pragma(
        'synchronous',
        { simple: true },
      );
    expect(synchronousOf(store)).toBe(1);
    const full = new SqliteStore({ filename: file, synchronous: 'full' });
    expect(synchronousOf(full)).toBe(2);
    await full.close();
  });

  it('refuses a stored row that no longer matches the schema', async () => {
    await store.createInstance(sampleInstance('bad'));
    withConnection((db) =>
      db
        .prepare("UPDATE workflow_instances SET status = 'exploded' WHERE instance_id = 'bad'")
        .run(),
    );
    await expect(store.getInstance('bad')).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      issues: [expect.objectContaining({ path: 'status' })],
    });
  });
});

/** Works on a database file through a connection of its own. */
function withFile<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}
