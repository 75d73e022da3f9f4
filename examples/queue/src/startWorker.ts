import { createWorker, type QueueWorker } from '@flowloom/queue';
import {
  createCodeSandbox,
  createGuardedNodeFetch,
  createWorkflowLoader,
} from '@flowloom/server-adapter';
import { createRegistry, openStore, queueName, redisUrl } from './settings';

/** A running worker. */
export interface RunningWorker {
  worker: QueueWorker;
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * The worker process: takes run jobs from the queue and executes them with what
 * `createWorkflowServer` gives its own engine (the DNS-checked fetch, the code sandbox, the
 * sub-workflow loader). Start as many as the load needs.
 */
export async function startWorker(
  options: { schema?: string; concurrency?: number; queueName?: string } = {},
): Promise<RunningWorker> {
  const store = openStore(options.schema);
  const network = {};
  const fetch = createGuardedNodeFetch(network);
  const sandbox = createCodeSandbox();
  const worker = createWorker({
    registry: createRegistry(),
    store,
    connection: redisUrl,
    queueName: options.queueName ?? queueName,
    concurrency: options.concurrency ?? Number(process.env.CONCURRENCY ?? 10),
    network,
    engine: { fetch, sandbox, workflows: createWorkflowLoader({ store }) },
  });
  await worker.ready;
  let closing: Promise<void> | undefined;
  return {
    worker,
    close: (closeOptions) => {
      closing ??= (async () => {
        // Running steps get `graceMs`; runs left are handed to the other workers.
        await worker.close(closeOptions);
        await sandbox.close?.();
        await fetch.close?.();
        await store.close();
      })();
      return closing;
    },
  };
}
