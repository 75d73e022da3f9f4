import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './createGuardedFetch';
import {
  closeLoopbackServers,
  type LoopbackServer,
  startLoopbackServer,
} from './loopbackServer.test-helpers';

// nextRedirect's rules, through the guarded fetch that applies them to real responses.

afterEach(closeLoopbackServers);

describe('createGuardedFetch redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'refuses a %i from an allowed host to a blocked one',
    async (status) => {
      const target = await startLoopbackServer();
      const origin = await startLoopbackServer((_, response) => {
        response.writeHead(status, { location: `http://localhost:${target.port}/admin` });
        response.end();
      });
      const guarded = createGuardedFetch({ network: { allowHosts: [`127.0.0.1:${origin.port}`] } });
      await expect(guarded(`${origin.url}/`)).rejects.toMatchObject({
        code: 'BLOCKED_DESTINATION',
        message: expect.stringContaining('localhost (loopback)'),
      });
      expect(origin.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    },
  );

  it('refuses a redirect to a non-http URL', async () => {
    const origin = await startLoopbackServer((_, response) => {
      response.writeHead(302, { location: 'file:///etc/passwd' });
      response.end();
    });
    const guarded = createGuardedFetch({ network: { allowPrivateNetworks: true } });
    await expect(guarded(`${origin.url}/`)).rejects.toMatchObject({ code: 'BLOCKED_DESTINATION' });
  });

  function hopServer(): Promise<LoopbackServer> {
    return startLoopbackServer((request, response) => {
      const left = Number(request.url?.split('/')[2]);
      if (left > 0) {
        response.writeHead(302, { location: `/hop/${left - 1}` });
        response.end();
      } else {
        response.end('arrived');
      }
    });
  }

  it('follows 5 redirects', async () => {
    const server = await hopServer();
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${server.url}/hop/5`,
    );
    expect(await response.text()).toBe('arrived');
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${server.url}/hop/0`);
  });

  it('fails on the sixth redirect', async () => {
    const server = await hopServer();
    const guarded = createGuardedFetch({ network: { allowPrivateNetworks: true } });
    await expect(guarded(`${server.url}/hop/6`)).rejects.toThrow(/Too many redirects/);
    expect(server.requests).toHaveLength(6);
  });

  function echoServer(): Promise<LoopbackServer> {
    return startLoopbackServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ method: request.method, headers: request.headers, body }));
      });
    });
  }

  function redirectTo(status: number, location: () => string): Promise<LoopbackServer> {
    return startLoopbackServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { location: location() });
        response.end();
      });
    });
  }

  it.each([
    [303, 'PUT', 'GET', ''],
    [302, 'POST', 'GET', ''],
    [301, 'POST', 'GET', ''],
    [302, 'PUT', 'PUT', 'payload'],
    [307, 'POST', 'POST', 'payload'],
    [308, 'PATCH', 'PATCH', 'payload'],
  ])('after a %i, resends a %s as %s with body %j', async (status, method, next, body) => {
    const target = await echoServer();
    const origin = await redirectTo(status, () => `${target.url}/echo`);
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${origin.url}/`,
      { method, body: 'payload', headers: { 'content-type': 'text/plain' } },
    );
    const echoed = (await response.json()) as { method: string; headers: object; body: string };
    expect(echoed.method).toBe(next);
    expect(echoed.body).toBe(body);
    if (next === 'GET') expect(echoed.headers).not.toHaveProperty('content-type');
  });

  it('drops credentials when a redirect changes origin', async () => {
    const target = await echoServer();
    const origin = await redirectTo(302, () => `${target.url}/echo`);
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${origin.url}/`,
      {
        headers: {
          authorization: 'Bearer secret',
          cookie: 'session=1',
          'proxy-authorization': 'Basic x',
          'x-kept': 'yes',
        },
      },
    );
    const { headers } = (await response.json()) as { headers: Record<string, string> };
    expect(headers).not.toHaveProperty('authorization');
    expect(headers).not.toHaveProperty('cookie');
    expect(headers).not.toHaveProperty('proxy-authorization');
    expect(headers['x-kept']).toBe('yes');
  });

  it('keeps credentials on a same-origin redirect', async () => {
    const server = await startLoopbackServer((request, response) => {
      if (request.url === '/start') {
        response.writeHead(302, { location: '/end' });
        response.end();
      } else {
        response.end(request.headers.authorization ?? 'none');
      }
    });
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${server.url}/start`,
      { headers: { authorization: 'Bearer secret' } },
    );
    expect(await response.text()).toBe('Bearer secret');
  });

  it("returns the redirect itself with redirect: 'manual'", async () => {
    const origin = await redirectTo(302, () => 'http://127.0.0.1:1/');
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${origin.url}/`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:1/');
  });

  it("fails on a redirect with redirect: 'error'", async () => {
    const origin = await redirectTo(302, () => `${origin.url}/elsewhere`);
    const guarded = createGuardedFetch({ network: { allowPrivateNetworks: true } });
    await expect(guarded(`${origin.url}/`, { redirect: 'error' })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(origin.requests).toHaveLength(1);
  });
});
