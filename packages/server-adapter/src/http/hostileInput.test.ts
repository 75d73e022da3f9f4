import { afterEach, describe, expect, it } from 'vitest';
import {
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  headerAuthenticate,
  logWorkflow,
} from './testServer.test-helpers';

afterEach(closeTestServers);

/** `{"a":{"a":...}}` nested `levels` deep, as raw JSON text (8 KB for ~4,100 levels). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('deeply nested JSON', () => {
  it('is refused with 400 naming the path in an execute body, and the instance stays pending', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request(
      'POST',
      `/instances/${instance.instance_id}/execute`,
      `{"input_data":${nestedJson(4_100)}}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues[0].path).toBe(`input_data${'.a'.repeat(63)}`);
    expect((await t.server.store.getInstance(instance.instance_id))?.status).toBe('pending');
  });

  it('is refused with 400 in an undeclared parameter of a saved workflow, and nothing is saved', async () => {
    const t = createTestServer();
    const workflow = logWorkflow();
    const body = JSON.stringify({ name: 'Deep', workflow_data: workflow }).replace(
      '"parameters":{',
      `"parameters":{"extra":${nestedJson(4_100)},`,
    );
    const response = await t.request('POST', '/editor/save', body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toMatch(/^workflow_data\.nodes\.\d+\.data/);
    expect((await t.server.store.listWorkflows()).total).toBe(0);
  });

  it('is refused with 400 in extra keys of workflow_data on create', async () => {
    const t = createTestServer();
    const body = JSON.stringify({ name: 'Deep', workflow_data: logWorkflow() }).replace(
      '"nodes":',
      `"junk":${nestedJson(4_100)},"nodes":`,
    );
    const response = await t.request('POST', '/instances', body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toMatch(/^workflow_data\.junk/);
  });

  it('is accepted up to the depth limit', async () => {
    const t = createTestServer({ limits: { maxJsonDepth: 10 } });
    const instance = await createInstanceVia(t, logWorkflow());
    // The body object is level 1 and input_data level 2: 8 more fit.
    const response = await t.request(
      'POST',
      `/instances/${instance.instance_id}/execute`,
      `{"input_data":${nestedJson(8)}}`,
    );
    expect(response.status).toBe(202);
  });
});

describe('unknown fields of a request body', () => {
  it('are refused with 400 naming the key, instead of silently dropping the input', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {
      test: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'test', message: 'Unknown field "test"' }]);
    expect((await t.server.store.getInstance(instance.instance_id))?.status).toBe('pending');
  });

  it('are refused on create and on save', async () => {
    const t = createTestServer();
    const created = await t.request('POST', '/instances', {
      name: 'x',
      workflow_data: logWorkflow(),
      owner: 'me',
    });
    expect(created.status).toBe(400);
    expect(created.body.error.issues[0].path).toBe('owner');
    const saved = await t.request('POST', '/editor/save', {
      name: 'x',
      workflow_data: logWorkflow(),
      version: 9,
    });
    expect(saved.status).toBe(400);
    expect(saved.body.error.issues[0].path).toBe('version');
  });
});

describe('failed authentication', () => {
  it('is limited per client IP: past the limit, 429 with Retry-After', async () => {
    const t = createTestServer({
      authenticate: headerAuthenticate,
      rateLimit: { unauthenticated: '5/minute' },
    });
    const bad = { authorization: 'Bearer wrong' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await t.request('GET', '/instances', undefined, bad, {
        clientIp: '203.0.113.7',
      });
      statuses.push(response.status);
      if (response.status === 429)
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // The right token from that address is refused too: a guesser learns nothing from 200s.
    const rightToken = await t.request(
      'GET',
      '/instances',
      undefined,
      { 'x-user-id': 'ada' },
      {
        clientIp: '203.0.113.7',
      },
    );
    expect(rightToken.status).toBe(429);
    // Another address is not affected.
    const other = await t.request('GET', '/instances', undefined, bad, { clientIp: '203.0.113.8' });
    expect(other.status).toBe(401);
    const signedIn = await t.request(
      'GET',
      '/instances',
      undefined,
      { 'x-user-id': 'ada' },
      {
        clientIp: '203.0.113.8',
      },
    );
    expect(signedIn.status).toBe(200);
  });

  it('is limited at 60 a minute by default', async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const statuses = new Map<number, number>();
    for (let attempt = 0; attempt < 65; attempt += 1) {
      const { status } = await t.request(
        'GET',
        '/components',
        undefined,
        {},
        { clientIp: '198.51.100.1' },
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 60, 429: 5 });
  });
});

describe('runs at once', () => {
  it('past maxConcurrentRuns, execute answers 429 TOO_MANY_RUNS with Retry-After', async () => {
    const t = createTestServer({ limits: { maxConcurrentRuns: 1 } });
    const first = await createInstanceVia(t, delayWorkflow());
    const second = await createInstanceVia(t, delayWorkflow());
    expect((await t.request('POST', `/instances/${first.instance_id}/execute`, {})).status).toBe(
      202,
    );
    const refused = await t.request('POST', `/instances/${second.instance_id}/execute`, {});
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('TOO_MANY_RUNS');
    expect(refused.headers.get('retry-after')).toBe('1');
    await t.request('POST', `/instances/${first.instance_id}/stop`);
  });
});
