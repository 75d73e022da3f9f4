import Fastify from 'fastify';
import { describeAdapterConformance } from './conformance.test-helpers';
import { flowloomFastify } from './fastify';

describeAdapterConformance('Fastify', async (server) => {
  const app = Fastify();
  await app.register(flowloomFastify, { server });
  app.get('/health', async (_request, reply) => reply.type('text/plain').send('ok'));
  app.post('/echo', async (request) => request.body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Fastify is not listening');
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
});
