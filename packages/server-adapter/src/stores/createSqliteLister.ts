import type Database from 'better-sqlite3';
import { type ListFilters, listWhereClause } from './listWhereClause';

/** Reads one page of a filtered list and the list's total. */
export type SqliteLister = <Row>(
  query: { table: string; columns: string; orderColumn: string },
  filters: ListFilters,
  page: { limit: number; offset: number },
) => { rows: Row[]; total: number };

/**
 * Makes the list reader of a SQLite connection. Each combination of filters is its own
 * statement (so SQLite plans it with the indexes that fit), prepared on first use and kept.
 */
export function createSqliteLister(db: Database.Database): SqliteLister {
  const statements = new Map<string, Database.Statement<unknown[], unknown>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[], unknown>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return <Row>(
    { table, columns, orderColumn }: { table: string; columns: string; orderColumn: string },
    filters: ListFilters,
    { limit, offset }: { limit: number; offset: number },
  ) => {
    const values: string[] = [];
    const where = listWhereClause(filters, (value) => {
      values.push(value);
      return '?';
    });
    const page = prepared(
      `SELECT ${columns} FROM ${table} ${where}
       ORDER BY ${orderColumn} DESC, rowid DESC LIMIT ? OFFSET ?`,
    );
    const count = prepared(`SELECT COUNT(*) AS total FROM ${table} ${where}`);
    // One read transaction, so the page and the total come from the same snapshot.
    return db.transaction(() => ({
      rows: page.all(...values, limit, offset) as Row[],
      total: (count.get(...values) as { total: number }).total,
    }))();
  };
}
