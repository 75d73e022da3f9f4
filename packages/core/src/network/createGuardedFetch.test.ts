import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './createGuardedFetch';
import type { GuardTransport } from './guardTransport';
import { closeLoopbackServers, startLoopbackServer } from './loopbackServer.test-helpers';

afterEach(closeLoopbackServers);

describe('createGuardedFetch refusals', () => {
  it.each([
    'http://127.0.0.1:PORT/',
    'http://localhost:PORT/',
    'http://LOCALHOST.:PORT/',
    'http://api.localhost:PORT/',
    'http://[::1]:PORT/',
    'http://0x7f000001:PORT/',
    'http://2130706433:PORT/',
    'http://017700000001:PORT/',
    'http://0177.0.0.1:PORT/',
    'http://127.1:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://[::ffff:7f00:1]:PORT/',
    'http://[64:ff9b::127.0.0.1]:PORT/',
    'http://0.0.0.0:PORT/',
    'http://0:PORT/',
  ])('refuses %s and sends nothing', async (template) => {
    const server = await startLoopbackServer();
    const guarded = createGuardedFetch();
    await expect(guarded(template.replace('PORT', String(server.port)))).rejects.toMatchObject({
      name: 'FlowloomError',
      code: 'BLOCKED_DESTINATION',
      message: expect.stringMatching(/^Refused to connect to \S+ \((loopback|unspecified)\)/),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('names the host and the range in the refusal', async () => {
    await expect(createGuardedFetch()('http://127.0.0.1/')).rejects.toThrow(
      'Refused to connect to 127.0.0.1 (loopback): private and local addresses are blocked; allow it with network.allowHosts',
    );
  });

  it.each([
    ['http://10.0.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://[fd00::1]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
  ])('refuses the private address %s as %s', async (url, range) => {
    await expect(createGuardedFetch()(url)).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringContaining(`(${range})`),
    });
  });

  it.each([
    'ftp://example.com/file',
    'file:///etc/passwd',
    'data:text/plain,hi',
    'ws://example.com/',
  ])('refuses the non-http URL %s', async (url) => {
    await expect(createGuardedFetch()(url)).rejects.toMatchObject({
      code: 'BLOCKED_DESTINATION',
      message: expect.stringMatching(/only http and https/),
    });
  });

  it('rejects an invalid URL with a TypeError, as fetch does', async () => {
    await expect(createGuardedFetch()('not a url')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('createGuardedFetch allowances', () => {
  it('lets a host:port listed in allowHosts through', async () => {
    const server = await startLoopbackServer();
    const guarded = createGuardedFetch({ network: { allowHosts: [`127.0.0.1:${server.port}`] } });
    const response = await guarded(`${server.url}/`);
    expect(await response.text()).toBe('ok');
    expect(server.requests).toHaveLength(1);
  });

  it('lets a bare host listed in allowHosts through on any port', async () => {
    const server = await startLoopbackServer();
    const response = await createGuardedFetch({ network: { allowHosts: ['127.0.0.1'] } })(
      `${server.url}/`,
    );
    expect(response.status).toBe(200);
  });

  it('reads allowHosts entries as a URL reads hosts', async () => {
    const server = await startLoopbackServer();
    const response = await createGuardedFetch({
      network: { allowHosts: [`127.1:${server.port}`] },
    })(`http://0x7f000001:${server.port}/`);
    expect(response.status).toBe(200);
  });

  it('still refuses the host on a port allowHosts does not list', async () => {
    const server = await startLoopbackServer();
    const guarded = createGuardedFetch({ network: { allowHosts: ['127.0.0.1:1'] } });
    await expect(guarded(`${server.url}/`)).rejects.toMatchObject({ code: 'BLOCKED_DESTINATION' });
    expect(server.requests).toHaveLength(0);
  });

  it('lets every private address through with allowPrivateNetworks', async () => {
    const server = await startLoopbackServer();
    const response = await createGuardedFetch({ network: { allowPrivateNetworks: true } })(
      `${server.url}/`,
    );
    expect(await response.text()).toBe('ok');
  });

  it('tells the transport which hosts may resolve to private addresses', async () => {
    const policies: [string, boolean][] = [];
    const transport: GuardTransport = {
      fetch: async (url, _init, policy) => {
        policies.push([url.host, policy.allowPrivate]);
        return new Response('ok');
      },
    };
    const guarded = createGuardedFetch({
      network: { allowHosts: ['intranet.example'] },
      transport,
    });
    await guarded('https://api.example.com/');
    await guarded('https://intranet.example/');
    expect(policies).toEqual([
      ['api.example.com', false],
      ['intranet.example', true],
    ]);
  });

  it('hands the transport every hop with redirect manual', async () => {
    const inits: RequestInit[] = [];
    const transport: GuardTransport = {
      fetch: async (_url, init) => {
        inits.push(init);
        return new Response('ok');
      },
    };
    await createGuardedFetch({ transport })('https://api.example.com/', { redirect: 'follow' });
    expect(inits[0]?.redirect).toBe('manual');
  });
});
