import { Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: a URL (`redis://127.0.0.1:6379`) or ioredis options. */
export type RedisConnection = string | RedisOptions;

/**
 * Opens a connection of its own for one job (BullMQ's queue, publishing, subscribing): a
 * subscribed connection can do nothing else, and BullMQ wants `maxRetriesPerRequest: null` so
 * a blocking read survives a Redis restart.
 */
export function openRedis(connection: RedisConnection, name: string): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: null, connectionName: name };
  return typeof connection === 'string'
    ? new Redis(connection, options)
    : new Redis({ ...connection, ...options });
}

/** Closes a connection, quietly when it is gone already. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
