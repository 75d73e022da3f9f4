import { fileURLToPath } from 'node:url';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { flowloomFastify } from '@flowloom/server-adapter/fastify';
import Fastify, { type FastifyInstance } from 'fastify';

/** The SQLite file next to this example's package.json, created on first start. */
export const DEFAULT_DATABASE_PATH = fileURLToPath(new URL('../flowloom.db', import.meta.url));

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /**
   * The SQLite file the workflows, runs and logs live in; `':memory:'` for a throwaway one.
   * @default process.env.DATABASE_PATH, else `flowloom.db` in the example's folder
   */
  databasePath?: string;
}

/**
 * A Fastify 5 app of the host's own (here a `/health` route) with the Flowloom API and its
 * WebSocket under `/api/workflow`. `app.close()` closes the sockets, interrupts the runs and closes
 * the database.
 *
 * @example
 * const app = await createApp({ databasePath: ':memory:' });
 * await app.listen({ port: 8001 });
 */
export async function createApp(options: CreateAppOptions = {}): Promise<FastifyInstance> {
  const store = new SqliteStore(
    options.databasePath ?? process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
  );
  const workflows = createWorkflowServer({ store });

  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(flowloomFastify, { server: workflows });
  // The plugin closes the WebSocket in preClose; runs and the store go once HTTP is down. The
  // server did not open the store, so it leaves it open: the host that opened it closes it.
  app.addHook('onClose', async () => {
    await workflows.close();
    await store.close();
  });
  return app;
}
