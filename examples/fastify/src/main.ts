import { createApp } from './createApp';

const port = Number(process.env.PORT ?? 8001);
const host = process.env.HOST ?? 'localhost';

const app = await createApp();
await app.listen({ port, host });
console.log(`Flowloom on Fastify: http://${host}:${port}/api/workflow/components`);

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // No new requests or runs; WebSockets closed (1001); running steps get up to 10 s, then runs
  // are left interrupted (the next start resumes them); database closed.
  await app.close();
  console.log('Closed.');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
