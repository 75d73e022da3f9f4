// The stores and server options a host types, checked without @types/pg or ioredis installed.
import {
  createWorkflowServer,
  type PostgresPool,
  PostgresStore,
  RedisRateLimitStore,
  SqliteStore,
} from '@flowloom/server-adapter';

export function stores(pool: PostgresPool) {
  const sqlite = new SqliteStore({ filename: ':memory:', busyTimeoutMs: 1000 });
  const owned = new PostgresStore({ connectionString: 'postgres://localhost/app', schema: 'flow' });
  const shared = new PostgresStore({ pool });
  // @ts-expect-error the `pool` option is typed (never a silent `any`): a string is no pool
  new PostgresStore({ pool: 'postgres://localhost/app' });
  // @ts-expect-error a pool needs `query` and `connect`
  new PostgresStore({ pool: { query: async () => ({ rows: [], rowCount: 0 }) } });
  return [sqlite, owned, shared];
}

export function rateLimitedServer(
  redis: ConstructorParameters<typeof RedisRateLimitStore>[0]['client'],
) {
  return createWorkflowServer({
    store: new SqliteStore(':memory:'),
    rateLimit: { execute: '10/minute' },
    rateLimitStore: new RedisRateLimitStore({ client: redis }),
  });
}
