import { createServer, type Server } from 'node:http';
import { FlowloomError } from '@flowloom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeHttpServer, listening } from '../adapters/nodeHttpServer.test-helpers';
import { createGuardedNodeFetch } from './createGuardedNodeFetch';

let server: Server;
let port: number;
let requestCount: number;

beforeEach(async () => {
  requestCount = 0;
  server = createServer((_, response) => {
    requestCount++;
    response.end('ok');
  });
  server.listen(0, '127.0.0.1');
  await listening(server);
  port = (server.address() as { port: number }).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await closeHttpServer(server);
});

describe('createGuardedNodeFetch', () => {
  it.each(['localhost', '127.0.0.1', '[::ffff:127.0.0.1]', '2130706433'])(
    'refuses http://%s and sends nothing',
    async (host) => {
      const refusal = createGuardedNodeFetch()(`http://${host}:${port}/`);
      await expect(refusal).rejects.toBeInstanceOf(FlowloomError);
      await expect(refusal).rejects.toMatchObject({ code: 'BLOCKED_DESTINATION' });
      expect(requestCount).toBe(0);
    },
  );

  it('lets localhost:<port> listed in allowHosts through', async () => {
    const stepFetch = createGuardedNodeFetch({ allowHosts: [`localhost:${port}`] });
    const response = await stepFetch(`http://localhost:${port}/`);
    expect(await response.text()).toBe('ok');
    expect(requestCount).toBe(1);
  });

  it('reports a refused connection as fetch does, a TypeError', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await listening(closed);
    const closedPort = (closed.address() as { port: number }).port;
    await closeHttpServer(closed);
    const stepFetch = createGuardedNodeFetch({ allowPrivateNetworks: true });
    await expect(stepFetch(`http://127.0.0.1:${closedPort}/`)).rejects.toMatchObject({
      name: 'TypeError',
      cause: { code: 'ECONNREFUSED' },
    });
  });
});
