import { startApiServer } from './startApiServer';

const server = await startApiServer({
  port: Number(process.env.PORT ?? 8003),
  hostname: process.env.HOST ?? 'localhost',
});
console.log(`Flowloom API (queue mode): ${server.url}/api/workflow/components`);

const stop = async (signal: NodeJS.Signals) => {
  console.log(`api: ${signal}, shutting down`);
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
