import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createGuardedFetch, FlowloomError } from '@flowloom/core';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeHttpServer, listening } from '../adapters/nodeHttpServer.test-helpers';
import { createGuardedConnector } from './createGuardedConnector';
import { createNodeGuardTransport, type NodeGuardTransport } from './createNodeGuardTransport';

let server: Server;
let port: number;
let requests: IncomingMessage[];
const transports: NodeGuardTransport[] = [];

beforeEach(async () => {
  requests = [];
  server = createServer((request, response) => {
    requests.push(request);
    if (request.url === '/chunked') {
      response.write('first chunk, ');
      response.end('second chunk');
      return;
    }
    if (request.url === '/to-evil') {
      response.writeHead(302, { location: `http://evil.test:${port}/` });
      response.end();
      return;
    }
    response.end(`hello ${request.headers.host}`);
  });
  server.listen(0, '127.0.0.1');
  await listening(server);
  port = (server.address() as { port: number }).port;
});

afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
  server.closeAllConnections();
  await closeHttpServer(server);
});

/** A resolver that answers from a script, one answer list per call (the last one repeats). */
function scriptedLookup(...answers: string[][]) {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const addresses = answers[Math.min(calls.length, answers.length) - 1] ?? [];
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, calls };
}

function transportWith(options: Parameters<typeof createNodeGuardTransport>[0] = {}) {
  const transport = createNodeGuardTransport(options);
  transports.push(transport);
  return transport;
}

const strict = { allowPrivate: false };
const permissive = { allowPrivate: true };

describe('createNodeGuardTransport', () => {
  it('refuses localhost by what it resolves to', async () => {
    const transport = transportWith();
    const refusal = transport.fetch(new URL(`http://localhost:${port}/`), {}, strict);
    await expect(refusal).rejects.toBeInstanceOf(FlowloomError);
    await expect(refusal).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringMatching(
        /^Refused to connect to localhost \(resolves to \S+, loopback\)/,
      ),
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses a name that resolves to 127.0.0.1, with the FlowloomError, not fetch failed', async () => {
    const { lookup, calls } = scriptedLookup(['127.0.0.1']);
    const transport = transportWith({ lookup });
    const refusal = transport.fetch(new URL(`http://evil.test:${port}/`), {}, strict);
    await expect(refusal).rejects.toBeInstanceOf(FlowloomError);
    await expect(refusal).rejects.toThrow(
      'Refused to connect to evil.test (resolves to 127.0.0.1, loopback): private and local addresses are blocked; allow it with network.allowHosts',
    );
    expect(calls).toEqual(['evil.test']);
    expect(requests).toHaveLength(0);
  });

  it('refuses an IPv4-mapped IPv6 answer', async () => {
    const { lookup } = scriptedLookup(['::ffff:127.0.0.1']);
    const transport = transportWith({ lookup });
    await expect(
      transport.fetch(new URL(`http://evil.test:${port}/`), {}, strict),
    ).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringContaining('resolves to ::ffff:127.0.0.1, loopback'),
    });
  });

  it('refuses a name when any one of its answers is guarded', async () => {
    const { lookup } = scriptedLookup(['93.184.215.14', '10.0.0.7']);
    const transport = transportWith({ lookup });
    await expect(transport.fetch(new URL('http://mixed.test/'), {}, strict)).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringContaining('resolves to 10.0.0.7, private'),
    });
  });

  it('checks an IP-literal URL without looking it up', async () => {
    const { lookup, calls } = scriptedLookup(['93.184.215.14']);
    const transport = transportWith({ lookup });
    await expect(transport.fetch(new URL(`http://127.0.0.1:${port}/`), {}, strict)).rejects.toThrow(
      'Refused to connect to 127.0.0.1 (loopback)',
    );
    expect(calls).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('connects to the address it checked, without a second lookup', async () => {
    // A rebinding resolver: the second answer would lead elsewhere.
    const { lookup, calls } = scriptedLookup(['127.0.0.1'], ['127.0.0.2']);
    const transport = transportWith({ lookup });
    const response = await transport.fetch(new URL(`http://evil.test:${port}/`), {}, permissive);
    expect(await response.text()).toBe(`hello evil.test:${port}`);
    expect(calls).toEqual(['evil.test']);
    expect(requests).toHaveLength(1);
  });

  it('tries the next checked address when one refuses the connection', async () => {
    const { lookup } = scriptedLookup(['::1', '127.0.0.1']);
    const transport = transportWith({ lookup });
    const response = await transport.fetch(new URL(`http://two.test:${port}/`), {}, permissive);
    expect(response.status).toBe(200);
  });

  it('fails a name with no answers as not found', async () => {
    const { lookup } = scriptedLookup([]);
    const transport = transportWith({ lookup });
    await expect(
      transport.fetch(new URL('http://nowhere.test/'), {}, permissive),
    ).rejects.toMatchObject({ cause: { code: 'ENOTFOUND' } });
  });
});

describe('createGuardedConnector', () => {
  it('keeps the original host, from which undici takes the TLS name, and swaps in the address', async () => {
    const seen: { hostname: string; host?: string }[] = [];
    const base = buildConnector({});
    const { lookup } = scriptedLookup(['127.0.0.1']);
    const agent = new Agent({
      connect: createGuardedConnector({
        lookup,
        blockPrivate: false,
        connect: (options, callback) => {
          seen.push({ hostname: options.hostname, host: options.host });
          base(options, callback);
        },
      }),
    });
    try {
      const response = await undiciFetch(`http://evil.test:${port}/`, { dispatcher: agent });
      expect(response.status).toBe(200);
      await response.text();
    } finally {
      await agent.close();
    }
    expect(seen).toEqual([{ hostname: '127.0.0.1', host: `evil.test:${port}` }]);
  });
});

describe('createGuardedFetch over the Node transport', () => {
  it('lets a named host listed in allowHosts through', async () => {
    const { lookup } = scriptedLookup(['127.0.0.1']);
    const guarded = createGuardedFetch({
      network: { allowHosts: [`evil.test:${port}`] },
      transport: transportWith({ lookup }),
    });
    const response = await guarded(`http://evil.test:${port}/`);
    expect(await response.text()).toBe(`hello evil.test:${port}`);
  });

  it('refuses a redirect to a name that resolves to loopback', async () => {
    const { lookup } = scriptedLookup(['127.0.0.1']);
    const guarded = createGuardedFetch({
      network: { allowHosts: [`127.0.0.1:${port}`] },
      transport: transportWith({ lookup }),
    });
    await expect(guarded(`http://127.0.0.1:${port}/to-evil`)).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringContaining('evil.test (resolves to 127.0.0.1, loopback)'),
    });
    expect(requests.map((request) => request.url)).toEqual(['/to-evil']);
  });

  it('caps the body of an undici response', async () => {
    const { lookup } = scriptedLookup(['127.0.0.1']);
    const guarded = createGuardedFetch({
      network: { allowPrivateNetworks: true, maxResponseBytes: 16 },
      transport: transportWith({ lookup }),
    });
    const response = await guarded(`http://evil.test:${port}/chunked`);
    await expect(response.text()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });
});
