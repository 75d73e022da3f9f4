import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one pooled connection inside `BEGIN ... COMMIT`, rolling back when it throws.
 */
export async function withPostgresTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A connection that cannot roll back is not handed to the next caller.
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}
