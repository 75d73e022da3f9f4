import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { SqliteStore } from './SqliteStore';

/**
 * A `SqliteStore` on a fresh file for each test of the calling suite (closed after it), and
 * `edit` to change that file through a second connection, as another process would.
 */
export function useSqliteFile(prefix: string): { store(): SqliteStore; edit: Edit } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  let fileCount = 0;
  let file = '';
  let store: SqliteStore | undefined;
  beforeEach(() => {
    file = join(folder, `store-${++fileCount}.db`);
    store = new SqliteStore(file);
  });
  afterEach(() => store?.close());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return {
    store: () => store!,
    edit: (sql, ...params) => {
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
  };
}

type Edit = (sql: string, ...params: unknown[]) => void;
