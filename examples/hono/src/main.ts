import { startServer } from './startServer';

const server = await startServer({
  port: Number(process.env.PORT ?? 8002),
  hostname: process.env.HOST ?? 'localhost',
});
console.log(`Flowloom on Hono: ${server.url}/api/workflow/components`);

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // No new requests or runs; WebSockets closed (1001); running steps get up to 10 s, then runs
  // are left interrupted (the next start resumes them); database closed.
  await server.close();
  console.log('Closed.');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
