import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { Pool } from 'pg';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';
import type { PostgresPool } from './PostgresPool';

/** Options of {@link PostgresStore}: a connection string or a pool, and a schema. */
export type PostgresStoreOptions = {
  /**
   * The PostgreSQL schema holding the store's tables; created when missing. Letters, digits
   * and `_`, starting with a letter or `_`, at most 63 characters.
   * @default 'public'
   * @remarks Tables keep the seed's names (`workflows`, `workflow_instances`, ...); in a
   * database whose schema already has tables of these names, give Flowloom a schema of its own.
   */
  schema?: string;
} & (
  | {
      /** A PostgreSQL URL, e.g. `process.env.DATABASE_URL`; the store opens and ends its own pool. */
      connectionString: string;
      pool?: undefined;
    }
  | {
      /** A pool the host owns and ends; `close()` leaves it open. */
      pool: PostgresPool;
      connectionString?: undefined;
    }
);

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The schema and the pool a {@link PostgresStore} works in. */
export interface ResolvedPostgresStoreOptions {
  schema: string;
  pool: Pool;
  /** The store opened the pool, so it ends it. */
  ownsPool: boolean;
}

/**
 * Checks the schema's name, then takes the host's pool or opens one on the connection string.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for a bad schema name, `NOT_CONFIGURED` when a
 * connection string is given and `pg` is not installed.
 */
export function resolvePostgresStoreOptions(
  options: PostgresStoreOptions,
): ResolvedPostgresStoreOptions {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Invalid PostgreSQL schema name', {
      issues: [
        {
          path: 'schema',
          message:
            'Use letters, digits and "_", starting with a letter or "_", at most 63 characters',
        },
      ],
    });
  }
  if (options.pool) {
    // The host's pool is a `pg` Pool; the option is typed by what the store calls on it.
    return { schema, pool: options.pool as Pool, ownsPool: false };
  }
  // Loaded here, not imported: pg is an optional peer only PostgreSQL hosts install.
  const pg = requireOptionalPeer<typeof import('pg')>('pg', 'PostgresStore');
  const pool = new pg.Pool({ connectionString: options.connectionString });
  // An idle connection the server drops is discarded by the pool; without a listener the
  // 'error' event would crash the process.
  pool.on('error', () => {});
  return { schema, pool, ownsPool: true };
}
