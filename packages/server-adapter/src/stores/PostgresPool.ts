/** One query's answer, as `pg` gives it. */
export interface PostgresQueryResult {
  rows: unknown[];
  rowCount: number | null;
}

/** A connection checked out of a {@link PostgresPool}, as `pg`'s `PoolClient` is. */
export interface PostgresPoolClient {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  release(error?: Error | boolean): void;
}

/**
 * What {@link PostgresStore} calls on a pool you pass it: a `pg` `Pool` (pg 8) fits.
 *
 * @remarks Typed here rather than as `pg`'s `Pool` so the package's types check without
 * `@types/pg` (and the option is never silently `any` when it is missing).
 * @example
 * import pg from 'pg';
 * const store = new PostgresStore({ pool: new pg.Pool({ connectionString }) });
 */
export interface PostgresPool {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  connect(): Promise<PostgresPoolClient>;
}
