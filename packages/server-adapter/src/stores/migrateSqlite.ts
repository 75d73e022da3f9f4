import type Database from 'better-sqlite3';
import type { Migration } from './migration';

/**
 * Applies the migrations a SQLite database has not seen yet, in version order, and records
 * each in `flowloom_migrations`. Returns the versions it applied.
 *
 * @remarks Everything runs in one `BEGIN IMMEDIATE` transaction: a second process opening the
 * same file waits (up to the busy timeout) for the first to finish, then finds nothing to do,
 * and a failing step leaves the database as it was.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[]): number[] {
  const migrate = db.transaction((): number[] => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS flowloom_migrations (
        version    INTEGER PRIMARY KEY NOT NULL,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )
    `);
    const applied = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM flowloom_migrations')
        .all()
        .map((row) => row.version),
    );
    const record = db.prepare<[number, string, string]>(
      'INSERT INTO flowloom_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
  return migrate.immediate();
}
