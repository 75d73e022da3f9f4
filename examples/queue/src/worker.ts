import { startWorker } from './startWorker';

const running = await startWorker();
console.log(`Flowloom worker ${running.worker.ownerId}: taking jobs`);

const stop = async (signal: NodeJS.Signals) => {
  console.log(`worker: ${signal}, shutting down (running steps get 25 s)`);
  await running.close({ graceMs: 25_000 });
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
