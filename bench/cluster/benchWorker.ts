// One worker process of the cluster bench: takes run jobs until SIGTERM.
import { createWorker } from '@flowloom/queue';
import { PostgresStore } from '@flowloom/server-adapter';

const store = new PostgresStore({
  connectionString: process.env.DATABASE_URL!,
  schema: process.env.BENCH_SCHEMA!,
});
const worker = createWorker({
  store,
  connection: process.env.REDIS_URL!,
  queueName: process.env.BENCH_QUEUE!,
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 20),
});
await worker.ready;
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
process.once('SIGTERM', () => {
  void worker
    .close({ graceMs: 1_000 })
    .then(() => store.close())
    .then(() => process.exit(0));
});
