import { describe, expect, it, vi } from 'vitest';
import { type RequestSettings, requestJson, resolveUrl } from './requestJson';

/** A fetch that records each call and answers with `answer`. */
function stubFetch(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const base = 'http://api.test/api/workflow';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('requestJson', () => {
  it('resolves to the JSON of a 2xx answer', async () => {
    const { fetch } = stubFetch(() => json({ components: [] }));
    const answer = await requestJson(
      { baseUrl: base, fetch },
      { method: 'GET', path: '/components' },
    );
    expect(answer).toEqual({ success: true, data: { components: [] } });
  });

  it('resolves a 204 answer (a deletion) to success with null data', async () => {
    const { fetch, calls } = stubFetch(() => new Response(null, { status: 204 }));
    const answer = await requestJson(
      { baseUrl: base, fetch },
      { method: 'DELETE', path: '/credentials/cred_1' },
    );
    expect(answer).toEqual({ success: true, data: null });
    expect(calls[0]?.init.method).toBe('DELETE');
  });

  it("resolves to the API's error with its status and issues", async () => {
    const issues = [{ path: 'name', message: 'Name must not be empty' }];
    const { fetch } = stubFetch(() =>
      json({ error: { code: 'VALIDATION_FAILED', message: 'Invalid workflow', issues } }, 400),
    );
    const answer = await requestJson(
      { baseUrl: base, fetch },
      { method: 'POST', path: '/editor/save', body: {} },
    );
    expect(answer).toEqual({
      success: false,
      error: { code: 'VALIDATION_FAILED', message: 'Invalid workflow', status: 400, issues },
    });
  });

  it("keeps a version conflict's current_version, and nothing else the body adds", async () => {
    const { fetch } = stubFetch(() =>
      json(
        {
          error: {
            code: 'VERSION_CONFLICT',
            message: 'saved meanwhile',
            issues: [],
            current_version: 4,
            extra: 'dropped',
          },
        },
        409,
      ),
    );
    const answer = await requestJson(
      { baseUrl: base, fetch },
      { method: 'POST', path: '/editor/save', body: {} },
    );
    expect(answer).toEqual({
      success: false,
      error: {
        code: 'VERSION_CONFLICT',
        message: 'saved meanwhile',
        status: 409,
        issues: [],
        current_version: 4,
      },
    });
  });

  it('resolves to HTTP_ERROR for an error status whose body is not the API format', async () => {
    const { fetch } = stubFetch(
      () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const answer = await requestJson({ baseUrl: base, fetch }, { method: 'GET', path: '/x' });
    expect(answer).toEqual({
      success: false,
      error: {
        code: 'HTTP_ERROR',
        status: 502,
        message: 'HTTP 502 Bad Gateway: <h1>Bad gateway</h1>',
      },
    });
  });

  it('resolves to INVALID_RESPONSE for a 2xx answer that is not JSON', async () => {
    const { fetch } = stubFetch(() => new Response('<!doctype html><p>index</p>', { status: 200 }));
    const answer = await requestJson({ baseUrl: base, fetch }, { method: 'GET', path: '/x' });
    expect(answer).toMatchObject({
      success: false,
      error: { code: 'INVALID_RESPONSE', status: 200 },
    });
    expect(answer.success || answer.error.message).toContain('<!doctype html>');
  });

  it('resolves to NETWORK_ERROR with status 0 when fetch rejects', async () => {
    const { fetch } = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const answer = await requestJson({ baseUrl: base, fetch }, { method: 'GET', path: '/x' });
    expect(answer).toEqual({
      success: false,
      error: {
        code: 'NETWORK_ERROR',
        status: 0,
        message: 'The request could not be completed: Failed to fetch',
      },
    });
  });

  it('resolves to NETWORK_ERROR, without sending, when getToken or headers throw', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    const failingToken: RequestSettings = {
      baseUrl: base,
      fetch,
      getToken: () => Promise.reject(new Error('session expired')),
    };
    const failingHeaders: RequestSettings = {
      baseUrl: base,
      fetch,
      headers: () => {
        throw new Error('no tenant');
      },
    };
    for (const settings of [failingToken, failingHeaders]) {
      const answer = await requestJson(settings, { method: 'GET', path: '/x' });
      expect(answer).toMatchObject({ success: false, error: { code: 'NETWORK_ERROR', status: 0 } });
    }
    expect(calls).toEqual([]);
  });

  it('sends JSON bodies with their content type, and none on GET', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    await requestJson(
      { baseUrl: base, fetch },
      { method: 'POST', path: '/instances', body: { name: 'a' } },
    );
    await requestJson({ baseUrl: base, fetch }, { method: 'GET', path: '/instances' });
    const [post, get] = calls.map((call) => ({ ...call, headers: new Headers(call.init.headers) }));
    expect(post?.init).toMatchObject({ method: 'POST', body: '{"name":"a"}' });
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(get?.init.body).toBeUndefined();
    expect(get?.headers.get('content-type')).toBeNull();
    expect(get?.headers.get('accept')).toBe('application/json');
  });

  it('merges the headers option and puts the token of getToken in Authorization', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    await requestJson(
      {
        baseUrl: base,
        fetch,
        headers: () => new Headers({ 'x-tenant': 'acme', authorization: 'Basic old' }),
        getToken: () => 'fresh',
      },
      { method: 'GET', path: '/x' },
    );
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('x-tenant')).toBe('acme');
    expect(headers.get('authorization')).toBe('Bearer fresh');
  });

  it('leaves Authorization alone when getToken gives no token', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    await requestJson(
      { baseUrl: base, fetch, headers: { authorization: 'Basic abc' }, getToken: () => null },
      { method: 'GET', path: '/x' },
    );
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe('Basic abc');
  });

  it('builds the query from the defined values only', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    await requestJson(
      { baseUrl: base, fetch },
      {
        method: 'GET',
        path: '/instances',
        query: { status: 'running', limit: 5, offset: undefined },
      },
    );
    expect(calls[0]?.url).toBe(`${base}/instances?status=running&limit=5`);
  });

  it('resolves a relative base against the page location', async () => {
    const { fetch, calls } = stubFetch(() => json({}));
    await requestJson({ baseUrl: '/api/workflow', fetch }, { method: 'GET', path: '/components' });
    expect(calls[0]?.url).toBe(`${window.location.origin}/api/workflow/components`);
  });
});

describe('resolveUrl', () => {
  it('keeps absolute URLs as they are', () => {
    expect(resolveUrl('https://api.test/x')).toBe('https://api.test/x');
  });

  it('keeps a relative URL as it is where there is no location', () => {
    vi.stubGlobal('location', undefined);
    try {
      expect(resolveUrl('/api/workflow')).toBe('/api/workflow');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
