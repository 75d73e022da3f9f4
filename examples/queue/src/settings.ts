import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import { PostgresStore } from '@flowloom/server-adapter';

/** Where PostgreSQL is (`DATABASE_URL`): the store every process shares. */
export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where Redis is (`REDIS_URL`): BullMQ's queue, the events and the commands. */
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The BullMQ queue the API server and the workers share (`QUEUE_NAME`). */
export const queueName = process.env.QUEUE_NAME ?? 'flowloom-example';

/**
 * The components, the same in every process: the API server validates workflows with them, the
 * workers run them. A host registers its own here.
 */
export function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({ components: [...builtinComponents] });
}

/** The shared store (`PG_SCHEMA`, default `public`): each process opens its own pool. */
export function openStore(schema = process.env.PG_SCHEMA): PostgresStore {
  return new PostgresStore({ connectionString: databaseUrl, ...(schema ? { schema } : {}) });
}
