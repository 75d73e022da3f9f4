import { MemoryStore } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRateLimitStore } from '../rateLimit/MemoryRateLimitStore';
import { httpStatusOf } from './httpStatusOf';
import { ErrorResponseSchema } from './schemas';
import {
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  logWorkflow,
  readResponse,
  streamedBody,
  type TestResponse,
} from './testServer.test-helpers';

afterEach(async () => {
  vi.useRealTimers();
  await closeTestServers();
});

/** Asserts an error answer: its status, its code and the `{ error }` shape. */
function expectError(response: TestResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(ErrorResponseSchema.parse(response.body)).toEqual(response.body);
  expect(response.body.error.code).toBe(code);
}

describe('400 invalid input', () => {
  it('answers bad JSON with VALIDATION_FAILED and an issue at the body', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', '{"name": "x", ');
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/not valid JSON/);
    expect(response.body.error.issues).toEqual([{ path: '', message: 'Invalid JSON' }]);
  });

  it('answers bad JSON on every route with a body', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    for (const path of [
      '/instances',
      `/instances/${instance.instance_id}/execute`,
      '/editor/save',
    ]) {
      const response = await t.request('POST', path, 'not json');
      expectError(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('answers a JSON body that is not an object with 400', async () => {
    const { request } = createTestServer();
    for (const body of ['[]', '"text"', 'null', '12']) {
      const response = await request('POST', '/editor/save', body);
      expectError(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('lists every wrong type in error.issues, each with its path', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', { name: 42, workflow_id: 7 });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.error.issues).toEqual([
      { path: 'name', message: expect.any(String) },
      { path: 'workflow_id', message: expect.any(String) },
    ]);
  });

  it('lists a missing name and a missing workflow together', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', {});
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.error.issues).toEqual([
      { path: 'name', message: expect.any(String) },
      { path: 'workflow_data', message: 'Give workflow_data or workflow_id' },
    ]);
  });

  it('lists every problem deep inside a malformed workflow document', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      name: ['x'],
      workflow_data: {
        nodes: [
          { id: 3, type: 'log' },
          { id: 'ok', type: null },
        ],
        edges: 'none',
      },
    });
    expectError(response, 400, 'VALIDATION_FAILED');
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual([
      'name',
      'workflow_data.edges',
      'workflow_data.nodes.0.id',
      'workflow_data.nodes.1.type',
    ]);
    for (const issue of response.body.error.issues) expect(issue.message).not.toBe('');
  });
});

describe('401 unauthenticated', () => {
  it('answers 401 UNAUTHENTICATED when authenticate returns null', async () => {
    const { request } = createTestServer({ authenticate: () => null });
    const response = await request('GET', '/instances');
    expectError(response, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 when authenticate returns a user without an id', async () => {
    const { request } = createTestServer({
      authenticate: async () => ({ id: '' }),
    });
    expectError(await request('GET', '/components'), 401, 'UNAUTHENTICATED');
  });
});

describe('403 forbidden', () => {
  it('answers 403 FORBIDDEN when authorize returns false', async () => {
    const { request } = createTestServer({
      authenticate: () => ({ id: 'ada' }),
      authorize: () => false,
    });
    expectError(await request('GET', '/editor/list'), 403, 'FORBIDDEN');
  });
});

describe('404 not found', () => {
  it.each([
    ['GET', '/instances/inst_missing'],
    ['POST', '/instances/inst_missing/execute'],
    ['POST', '/instances/inst_missing/stop'],
    ['GET', '/instances/inst_missing/status'],
    ['GET', '/instances/inst_missing/logs'],
    ['GET', '/editor/load/wf_missing'],
    ['GET', '/components/missing_type'],
  ])('answers %s %s with 404 NOT_FOUND', async (method, path) => {
    const { request } = createTestServer();
    const response = await request(method, path);
    expectError(response, 404, 'NOT_FOUND');
  });

  it('answers an unknown route under the base path with 404 JSON', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/no/such/route');
    expectError(response, 404, 'NOT_FOUND');
    expect(response.body.error.message).toBe('No route GET /api/workflow/no/such/route');
  });

  it('answers a known path with a method it does not serve with 405 JSON and Allow', async () => {
    const { request } = createTestServer();
    const response = await request('DELETE', '/instances');
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('lists every method of a path with parameters in Allow', async () => {
    const { request } = createTestServer();
    const response = await request('PATCH', '/instances/inst_x');
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD');
  });

  it('answers OPTIONS on a known path with 405, not 404', async () => {
    const { request } = createTestServer();
    const response = await request('OPTIONS', '/components');
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers an unknown path under the base path with 404, whatever the method', async () => {
    const { request } = createTestServer();
    expectError(await request('PATCH', '/no-such-route'), 404, 'NOT_FOUND');
  });

  it('answers a path outside the base path with 404 JSON', async () => {
    const { server } = createTestServer();
    const response = await readResponse(await server.fetch(new Request('http://test/elsewhere')));
    expectError(response, 404, 'NOT_FOUND');
  });
});

describe('408 timeout', () => {
  it('answers 408 TIMEOUT when the store is slower than requestTimeoutMs', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const { request } = createTestServer({ store, requestTimeoutMs: 50 });
    let release!: () => void;
    let markCalled!: () => void;
    const called = new Promise<void>((resolve) => {
      markCalled = resolve;
    });
    const listInstanceSummaries = store.listInstanceSummaries.bind(store);
    store.listInstanceSummaries = async (options) => {
      markCalled();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return listInstanceSummaries(options);
    };

    const pending = request('GET', '/instances');
    await called;
    await vi.advanceTimersByTimeAsync(49);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const response = await pending;
    expectError(response, 408, 'TIMEOUT');
    expect(response.body.error.message).toBe('The request took longer than 50 ms');
    release();
  });

  it('leaves no timer behind after a request that finished in time', async () => {
    vi.useFakeTimers();
    const { request } = createTestServer({ requestTimeoutMs: 50 });
    const timersBefore = vi.getTimerCount();
    expect((await request('GET', '/components')).status).toBe(200);
    expect(vi.getTimerCount()).toBe(timersBefore);
  });
});

describe('409 conflict', () => {
  it('answers 409 CONFLICT when executing a running instance', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, instance.instance_id);
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {});
    expectError(response, 409, 'CONFLICT');
  });
});

describe('413 payload too large', () => {
  const bigBody = (size: number) => JSON.stringify({ name: 'x'.repeat(size) });

  it('answers 413 when content-length is over bodyLimit, without reading the body', async () => {
    const { server } = createTestServer({ bodyLimit: 1024 });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(' '));
      },
    });
    const response = await readResponse(
      await server.fetch(
        new Request('http://test/api/workflow/instances', {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'content-length': '2048' },
          duplex: 'half',
        } as RequestInit),
      ),
    );
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toContain('1024 bytes');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('answers 413 for a body over bodyLimit sent with its content-length', async () => {
    const { request } = createTestServer({ bodyLimit: 1024 });
    const body = bigBody(2000);
    const response = await request('POST', '/editor/save', body, {
      'content-length': String(body.length),
    });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  /** A POST whose body never ends, 1 KiB a pull, and how many bytes it has sent so far. */
  function endlessPost(headers: Record<string, string> = {}) {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const request = new Request('http://test/api/workflow/instances', {
      method: 'POST',
      body,
      headers,
      duplex: 'half',
    } as RequestInit);
    return { request, sent: () => sent };
  }

  it('answers 413 for a streamed body over bodyLimit without content-length, reading little past it', async () => {
    const { server } = createTestServer({ bodyLimit: 4096 });
    const { request, sent } = endlessPost();
    expect(request.headers.get('content-length')).toBeNull();
    const response = await readResponse(await server.fetch(request));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(sent()).toBeLessThanOrEqual(4096 + 3 * 1024);
  });

  it('answers 413 for a finite streamed body just over the limit', async () => {
    const { server } = createTestServer({ bodyLimit: 4096 });
    const response = await readResponse(
      await server.fetch(
        new Request('http://test/api/workflow/editor/save', {
          method: 'POST',
          body: streamedBody(4097),
          duplex: 'half',
        } as RequestInit),
      ),
    );
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 for a body longer than the content-length it declares (a Request built in code)', async () => {
    const { server } = createTestServer({ bodyLimit: 1024 });
    const request = new Request('http://test/api/workflow/editor/save', {
      method: 'POST',
      body: bigBody(4000),
      headers: { 'content-type': 'application/json', 'content-length': '12' },
    });
    expect(request.headers.get('content-length')).toBe('12');
    const response = await readResponse(await server.fetch(request));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('streams a body that declares a length and a Transfer-Encoding, cutting it off at the limit', async () => {
    const { server } = createTestServer({ bodyLimit: 4096 });
    const { request, sent } = endlessPost({
      'content-length': '10',
      'transfer-encoding': 'chunked',
    });
    const response = await readResponse(await server.fetch(request));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(sent()).toBeLessThanOrEqual(4096 + 3 * 1024);
  });

  it('answers 500, not 400, when the host already read the body it hands over', async () => {
    const { server } = createTestServer();
    const body = JSON.stringify({ name: 'read twice', workflow_data: logWorkflow('hi') });
    const request = new Request('http://test/api/workflow/editor/save', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    await request.text();
    const response = await readResponse(await server.fetch(request));
    expect(response.status).toBe(500);
  });

  it('answers 408 for a declared body that never arrives in full', async () => {
    const { server } = createTestServer({ requestTimeoutMs: 50 });
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
    });
    const response = await readResponse(
      await server.fetch(
        new Request('http://test/api/workflow/editor/save', {
          method: 'POST',
          body: stalled,
          headers: { 'content-type': 'application/json', 'content-length': '100' },
          duplex: 'half',
        } as RequestInit),
      ),
    );
    expectError(response, 408, 'TIMEOUT');
  });

  it('accepts a body of exactly bodyLimit bytes', async () => {
    const limit = 400;
    const { request } = createTestServer({ bodyLimit: limit });
    const base = JSON.stringify({ name: '', workflow_data: logWorkflow('hi') });
    const body = JSON.stringify({
      name: 'n'.repeat(limit - base.length),
      workflow_data: logWorkflow('hi'),
    });
    expect(new TextEncoder().encode(body).byteLength).toBe(limit);
    const response = await request('POST', '/editor/save', body, {
      'content-length': String(limit),
    });
    expect(response.body).toMatchObject({ version: 1 });
  });

  it('applies the 1 MiB default', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', bigBody(1024 * 1024));
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toContain('1048576 bytes');
  });
});

describe('429 rate limited', () => {
  it('answers 429 RATE_LIMITED with Retry-After in seconds', async () => {
    let now = 1_000_000;
    const { request } = createTestServer({
      rateLimit: { listInstances: '2/minute' },
      rateLimitStore: new MemoryRateLimitStore(() => now),
    });
    expect((await request('GET', '/instances')).status).toBe(200);
    now += 15_000;
    expect((await request('GET', '/instances')).status).toBe(200);
    const response = await request('GET', '/instances');
    expectError(response, 429, 'RATE_LIMITED');
    expect(response.headers.get('retry-after')).toBe('45');
  });
});

describe('500 internal error', () => {
  it('answers a generic 500 without details and logs the original error', async () => {
    const store = new MemoryStore();
    const failure = new Error('disk on fire at /var/db/secret.sqlite');
    store.listInstanceSummaries = async () => {
      throw failure;
    };
    const { request, logger } = createTestServer({ store });
    const response = await request('GET', '/instances');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error', issues: [] },
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('disk on fire');
    expect(text).not.toContain('stack');
    expect(text).not.toContain('    at ');
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it('answers 500 when the authenticate hook throws', async () => {
    const failure = new TypeError('token parser crashed');
    const { request, logger } = createTestServer({
      authenticate: () => {
        throw failure;
      },
    });
    const response = await request('GET', '/components');
    expectError(response, 500, 'INTERNAL_ERROR');
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it('does not log expected errors', async () => {
    const { request, logger } = createTestServer();
    await request('GET', '/instances/inst_missing');
    await request('POST', '/instances', 'bad json');
    expect(logger.error).not.toHaveBeenCalled();
  });
});

describe('httpStatusOf', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['INVALID_WORKFLOW', 400],
    ['INVALID_COMPONENT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['UNKNOWN_COMPONENT', 404],
    ['TIMEOUT', 408],
    ['CONFLICT', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['RATE_LIMITED', 429],
    ['INTERNAL_ERROR', 500],
    ['STEP_FAILED', 500],
    ['SOMETHING_NEW', 500],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});
