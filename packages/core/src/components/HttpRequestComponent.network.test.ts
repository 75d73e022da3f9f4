import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../network/createGuardedFetch';
import type { NetworkOptionsInput } from '../network/stepFetch';
import { createTestContext } from '../testing/createTestContext';
import { HttpRequestComponent } from './HttpRequestComponent';

// The same step as in HttpRequestComponent.test.ts, now with the engine's guarded fetch in its
// context, as the engine gives it to every step.

let server: Server;
let port: number;
let baseUrl: string;
let requests: string[] = [];

function handle(request: IncomingMessage, response: ServerResponse): void {
  requests.push(request.url ?? '');
  switch (request.url) {
    case '/json':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ hello: 'world' }));
      return;
    case '/big':
      response.write('a'.repeat(4096));
      response.end('b'.repeat(4096));
      return;
    case '/declared-big':
      response.writeHead(200, { 'content-length': String(1024 * 1024) });
      response.write('x');
      return;
    case '/to-loopback':
      response.writeHead(302, { location: `http://localhost:${port}/json` });
      response.end();
      return;
    case '/slow':
      return;
    default:
      response.writeHead(404);
      response.end();
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
});

beforeEach(() => {
  requests = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function run(url: string, network?: NetworkOptionsInput, timeout_ms = 30_000) {
  const context = createTestContext({
    input_data: { url, method: 'GET', timeout_ms },
    fetch: createGuardedFetch(network ? { network } : {}),
  });
  return new HttpRequestComponent().execute(context);
}

const allowServer = (extra: NetworkOptionsInput = {}): NetworkOptionsInput => ({
  allowHosts: [`127.0.0.1:${port}`],
  ...extra,
});

describe('HttpRequestComponent with the guarded context.fetch', () => {
  it('fails with BLOCKED_DESTINATION for the host itself and sends nothing', async () => {
    const result = await run(`${baseUrl}/json`);
    expect(result).toEqual({
      success: false,
      output_data: {},
      error: {
        code: 'BLOCKED_DESTINATION',
        message: expect.stringContaining('Refused to connect to 127.0.0.1 (loopback)'),
      },
    });
    expect(result.output_handle).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it.each(['localhost', '[::1]', '2130706433', '0x7f000001', '127.1', '[::ffff:127.0.0.1]'])(
    'fails with BLOCKED_DESTINATION for http://%s',
    async (host) => {
      const result = await run(`http://${host}:${port}/json`);
      expect(result.error).toMatchObject({ code: 'BLOCKED_DESTINATION' });
      expect(requests).toEqual([]);
    },
  );

  it('calls a host listed in allowHosts', async () => {
    const result = await run(`${baseUrl}/json`, allowServer());
    expect(result).toMatchObject({
      success: true,
      output_data: { status_code: 200, body: { hello: 'world' } },
    });
  });

  it('fails with BLOCKED_DESTINATION when an allowed host redirects to loopback', async () => {
    const result = await run(`${baseUrl}/to-loopback`, allowServer());
    expect(result.error).toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringContaining('localhost (loopback)'),
    });
    expect(requests).toEqual(['/to-loopback']);
  });

  it('fails with RESPONSE_TOO_LARGE when the body passes maxResponseBytes', async () => {
    const result = await run(`${baseUrl}/big`, allowServer({ maxResponseBytes: 5000 }));
    expect(result).toEqual({
      success: false,
      output_data: {},
      error: {
        code: 'RESPONSE_TOO_LARGE',
        message: expect.stringContaining('larger than the 5000 bytes allowed'),
      },
    });
  });

  it('fails with RESPONSE_TOO_LARGE when content-length passes maxResponseBytes', async () => {
    const result = await run(`${baseUrl}/declared-big`, allowServer({ maxResponseBytes: 5000 }));
    expect(result.error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });

  it('keeps its own timeout', async () => {
    const result = await run(`${baseUrl}/slow`, allowServer(), 50);
    expect(result.error).toEqual({ code: 'TIMEOUT', message: 'Request timed out after 50 ms' });
  });

  it('still fails an unreachable allowed host with NETWORK_ERROR', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await run(`http://127.0.0.1:${closedPort}/`, { allowPrivateNetworks: true });
    expect(result.error).toMatchObject({
      code: 'NETWORK_ERROR',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});
