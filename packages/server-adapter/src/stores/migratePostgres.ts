import type { Pool } from 'pg';
import type { Migration } from './migration';
import { quoteIdentifier } from './quoteIdentifier';
import { withPostgresTransaction } from './withPostgresTransaction';

/**
 * Applies the migrations a PostgreSQL schema has not seen yet, in version order, creating the
 * schema when missing, and records each in its `flowloom_migrations` table. Returns the
 * versions it applied.
 *
 * @remarks One transaction holds a `pg_advisory_xact_lock` keyed by the schema name, so
 * servers starting together migrate one after the other: the first applies the steps, the
 * others wait and then find nothing to do. A failing step leaves the schema as it was.
 */
export async function migratePostgres(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
): Promise<number[]> {
  const quotedSchema = quoteIdentifier(schema);
  return withPostgresTransaction(pool, async (client) => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('flowloom_migrations'), hashtext($1))",
      [schema],
    );
    // Asked first rather than `CREATE SCHEMA IF NOT EXISTS`, which needs the CREATE privilege
    // on the database even when the schema is already there.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quotedSchema}`);
    await client.query(`SET LOCAL search_path TO ${quotedSchema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS flowloom_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )
    `);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM flowloom_migrations',
    );
    const applied = new Set(rows.map((row) => row.version));
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO flowloom_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
