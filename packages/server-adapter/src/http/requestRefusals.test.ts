import { afterEach, describe, expect, it } from 'vitest';
import { isHostAllowed } from './allowedHosts';
import { isJsonContentType } from './jsonContentType';
import {
  closeTestServers,
  createTestServer,
  logWorkflow,
  readResponse,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const asHost = (host: string | undefined, url = 'http://127.0.0.1:8000/api/workflow/components') =>
  new Request(url, host === undefined ? {} : { headers: { host } });

describe('allowedHosts', () => {
  it('matches a host name whatever its port and case', () => {
    expect(isHostAllowed(asHost('LOCALHOST:5173'), ['localhost'])).toBe(true);
    expect(isHostAllowed(asHost('127.0.0.1'), ['127.0.0.1'])).toBe(true);
    expect(isHostAllowed(asHost('evil.example:8000'), ['localhost', '127.0.0.1'])).toBe(false);
  });

  it('matches IPv6 literals written with or without brackets', () => {
    expect(isHostAllowed(asHost('[::1]:8000'), ['::1'])).toBe(true);
    expect(isHostAllowed(asHost('[::1]'), ['[::1]'])).toBe(true);
  });

  it('matches a domain and its subdomains for an entry starting with a dot', () => {
    expect(isHostAllowed(asHost('example.com'), ['.example.com'])).toBe(true);
    expect(isHostAllowed(asHost('api.eu.example.com'), ['.example.com'])).toBe(true);
    expect(isHostAllowed(asHost('badexample.com'), ['.example.com'])).toBe(false);
    expect(isHostAllowed(asHost('example.com.evil.example'), ['.example.com'])).toBe(false);
  });

  it('refuses a malformed Host header rather than falling back to the URL', () => {
    for (const host of ['a b', 'localhost/x', 'user@localhost', '']) {
      expect(isHostAllowed(asHost(host), ['localhost']), host).toBe(false);
    }
  });

  it('reads the URL of a request made in process, which has no Host header', () => {
    expect(isHostAllowed(asHost(undefined, 'http://localhost/api'), ['localhost'])).toBe(true);
  });

  it("allows any host with '*'", () => {
    expect(isHostAllowed(asHost('anything.example'), ['*'])).toBe(true);
  });

  it('refuses every route of the API, webhooks and unknown paths included, for another host', async () => {
    const { request } = createTestServer({ allowedHosts: ['localhost'] });
    for (const [method, path] of [
      ['GET', '/components'],
      ['POST', '/webhooks/wf_0123456789abcdef0123456789abcdef/in'],
      ['GET', '/no-such-route'],
    ] as const) {
      const answer = await request(method, path, undefined, { host: 'evil.example' });
      expect(answer.status, path).toBe(421);
      expect(answer.body.error.code).toBe('HOST_NOT_ALLOWED');
    }
    expect(
      (await request('GET', '/components', undefined, { host: 'localhost:8000' })).status,
    ).toBe(200);
  });
});

describe('JSON routes only read JSON', () => {
  it('recognises application/json with parameters, in any case, and nothing else', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/json-patch+json')).toBe(false);
    expect(isJsonContentType('application/jsonx')).toBe(false);
  });

  it('answers 415 on every route that takes a body, and on those that take none', async () => {
    const { request } = createTestServer();
    for (const [method, path] of [
      ['POST', '/instances'],
      ['POST', '/editor/save'],
      ['POST', '/workflows/import'],
      ['POST', '/instances/inst_x/stop'],
      ['DELETE', '/instances/inst_x'],
    ] as const) {
      const answer = await request(method, path, '{}', { 'content-type': 'text/plain' });
      expect(answer.status, `${method} ${path}`).toBe(415);
      expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('does not look at the Content-Type of a GET', async () => {
    const { request } = createTestServer();
    const answer = await request('GET', '/components', undefined, { 'content-type': 'text/plain' });
    expect(answer.status).toBe(200);
  });

  it('keeps webhooks accepting what they document: any content type', async () => {
    const { request } = createTestServer();
    const saved = await request('POST', '/editor/save', {
      name: 'Hook',
      workflow_data: {
        nodes: [{ id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in' } } }],
      },
    });
    await request('POST', `/workflows/${saved.body.workflow_id}/activate`);
    const answer = await request('POST', `/webhooks/${saved.body.workflow_id}/in`, 'a=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(202);
  });

  it('answers 415 to a body sent in process without a Content-Type', async () => {
    const { server } = createTestServer();
    const body = new Blob([JSON.stringify({ name: 'x', workflow_data: logWorkflow() })]);
    const response = await readResponse(
      await server.fetch(
        new Request('http://test/api/workflow/instances', { method: 'POST', body }),
      ),
    );
    expect(response.status).toBe(415);
  });
});

describe('query parameters', () => {
  it('refuses unknown query parameters the same way on every operation', async () => {
    const t = createTestServer();
    const saved = await t.request('POST', '/editor/save', {
      name: 'Q',
      workflow_data: logWorkflow(),
    });
    const id = saved.body.workflow_id;
    for (const path of [
      '/components',
      '/instances',
      '/editor/list',
      `/editor/load/${id}`,
      `/workflows/${id}`,
      `/workflows/${id}/versions`,
      `/workflows/${id}/export`,
      '/openapi.json',
    ]) {
      const answer = await t.request('GET', `${path}?unknown=1`);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.issues, path).toEqual([
        { path: 'unknown', message: 'Unknown query parameter "unknown"' },
      ]);
    }
  });
});

describe('POST /instances takes a document or a saved workflow', () => {
  it('refuses a version beside a document, naming the field', async () => {
    const { request } = createTestServer();
    const answer = await request('POST', '/instances', {
      name: 'Both',
      workflow_data: logWorkflow(),
      version: 1,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: 'version', message: 'Unknown field "version"' },
    ]);
  });

  it('refuses an empty document the way the schema does', async () => {
    const { request } = createTestServer();
    const answer = await request('POST', '/instances', { name: '0', workflow_data: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'workflow_data.nodes',
    ]);
  });
});
