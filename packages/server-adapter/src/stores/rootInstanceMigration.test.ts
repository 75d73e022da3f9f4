import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkflowStore } from '@flowloom/core';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from './migratePostgres';
import { migrateSqlite } from './migrateSqlite';
import { PostgresStore } from './PostgresStore';
import { postgresMigrations } from './postgresMigrations';
import { SqliteStore } from './SqliteStore';
import { sqliteMigrations } from './sqliteMigrations';

const DOCUMENT = JSON.stringify({ nodes: [], edges: [] });
/** id → parent: a tree r → c → g, a second root, and a run whose parent was deleted. */
const RUNS: Array<[string, string | null]> = [
  ['r', null],
  ['c', 'r'],
  ['g', 'c'],
  ['other', null],
  ['orphan', 'gone'],
];

/** What the migration must give the runs stored before it. */
async function expectRootsFilled(store: WorkflowStore): Promise<void> {
  const roots = await Promise.all(
    RUNS.map(async ([id]) => (await store.getInstance(id))?.root_instance_id),
  );
  expect(roots).toEqual(['r', 'r', 'r', 'other', 'orphan']);
  expect(await store.countTreeRuns('r')).toBe(3);
  expect(await store.countTreeRuns('orphan')).toBe(1);
}

describe('root_instance_id migration (SQLite 8)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'flowloom-roots-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gives every run stored before it the root of its tree', async () => {
    const file = join(folder, 'old.db');
    const db = new Database(file);
    migrateSqlite(
      db,
      sqliteMigrations.filter((migration) => migration.version < 8),
    );
    const insert = db.prepare(
      `INSERT INTO workflow_instances (instance_id, name, status, workflow_data, created_at,
         updated_at, parent_instance_id)
       VALUES (?, 'Old', 'completed', ?, '2026-01-01', '2026-01-01', ?)`,
    );
    for (const [id, parent] of RUNS) insert.run(id, DOCUMENT, parent);
    db.close();
    const store = new SqliteStore(file);
    try {
      await expectRootsFilled(store);
    } finally {
      await store.close();
    }
  });
});

const databaseUrl = process.env.DATABASE_URL;
describe.skipIf(!databaseUrl)('root_instance_id migration (PostgreSQL 9)', () => {
  it('gives every run stored before it the root of its tree', async () => {
    const pool = new Pool({ connectionString: databaseUrl });
    const schema = `flowloom_roots_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    try {
      await migratePostgres(
        pool,
        schema,
        postgresMigrations.filter((migration) => migration.version < 9),
      );
      for (const [id, parent] of RUNS) {
        await pool.query(
          `INSERT INTO "${schema}".workflow_instances (instance_id, name, status, workflow_data,
             created_at, updated_at, parent_instance_id)
           VALUES ($1, 'Old', 'completed', $2::jsonb, '2026-01-01', '2026-01-01', $3)`,
          [id, DOCUMENT, parent],
        );
      }
      const store = new PostgresStore({ pool, schema });
      await store.migrate();
      await expectRootsFilled(store);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });
});
