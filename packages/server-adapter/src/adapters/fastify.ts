import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { WorkflowServer } from '../createWorkflowServer';
import { answerNodeRequest } from '../node/answerNodeRequest';
import { attachWebSocketServer } from '../node/attachWebSocketServer';

/** Options of {@link flowloomFastify}. */
export interface FlowloomFastifyOptions {
  /** The API to serve, from `createWorkflowServer`. */
  server: WorkflowServer;
}

/**
 * A Fastify 5 plugin serving the workflow API under the server's `basePath`, and its WebSocket
 * through the Fastify server's `upgrade` event. Closing Fastify closes the WebSocket endpoint
 * and its sockets (1001) first.
 *
 * @example
 * const workflows = createWorkflowServer();
 * await fastify.register(flowloomFastify, { server: workflows });
 * await fastify.listen({ port: 8000 });
 *
 * @remarks The plugin reads request bodies itself (in its own encapsulated context) so the
 * API's size limit and error format apply; the host's parsers elsewhere are untouched.
 */
export const flowloomFastify: FastifyPluginAsync<FlowloomFastifyOptions> = async (
  fastify,
  { server },
) => {
  // Hand the raw stream through: the API reads it with its own limit.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const response = await answerNodeRequest(server, request.raw, {
      url: request.raw.url,
      clientIp: request.ip,
    });
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      reply.header(name, value);
    });
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  };
  fastify.all(server.basePath || '/', handle);
  fastify.all(`${server.basePath}/*`, handle);

  const webSocket = attachWebSocketServer(fastify.server, server);
  // preClose, not onClose: Fastify closes its HTTP server before onClose hooks, and that close
  // waits for every upgraded socket, so sockets closed only in onClose would hold it open forever.
  fastify.addHook('preClose', async () => {
    await webSocket.close();
  });
};
