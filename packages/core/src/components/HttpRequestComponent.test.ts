import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { HttpRequestComponent } from './HttpRequestComponent';

let server: Server;
let baseUrl: string;
/** Resolves when the server has received a request to /slow. */
let slowRequestArrived: () => void = () => {};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  switch (url.pathname) {
    case '/json':
      response.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Custom': 'yes',
      });
      response.end(JSON.stringify({ hello: 'world' }));
      return;
    case '/text':
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('plain text');
      return;
    case '/broken-json':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{not json');
      return;
    case '/cookies':
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.end('ok');
      return;
    case '/echo': {
      const body = await readBody(request);
      response.writeHead(201, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          method: request.method,
          query: Object.fromEntries(
            [...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)]),
          ),
          content_type: request.headers['content-type'] ?? null,
          authorization: request.headers.authorization ?? null,
          body,
        }),
      );
      return;
    }
    case '/slow':
      // Never answers: the client must give up.
      slowRequestArrived();
      return;
    default:
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: 'not found' }));
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

function run(input_data: Record<string, unknown>, signal?: AbortSignal) {
  const context = createTestContext({
    input_data: { method: 'GET', timeout_ms: 30_000, ...input_data },
    ...(signal ? { signal } : {}),
  });
  return new HttpRequestComponent().execute(context);
}

describe('HttpRequestComponent', () => {
  it('succeeds with a status code for a GET (the seed guide example)', async () => {
    const result = await run({ url: `${baseUrl}/json`, method: 'GET' });
    expect(result.success).toBe(true);
    expect('status_code' in (result.output_data ?? {})).toBe(true);
  });

  it('parses a JSON body and lower-cases header names', async () => {
    const result = await run({ url: `${baseUrl}/json` });
    expect(result.output_data).toMatchObject({
      status_code: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-custom': 'yes' },
      body: { hello: 'world' },
    });
  });

  it('returns a text body as a string', async () => {
    const result = await run({ url: `${baseUrl}/text` });
    expect(result.output_data?.body).toBe('plain text');
  });

  it('falls back to the text when a JSON body does not parse', async () => {
    const result = await run({ url: `${baseUrl}/broken-json` });
    expect(result.success).toBe(true);
    expect(result.output_data?.body).toBe('{not json');
  });

  it('joins repeated response headers', async () => {
    const result = await run({ url: `${baseUrl}/cookies` });
    expect(result.output_data?.headers).toMatchObject({ 'set-cookie': 'a=1, b=2' });
  });

  it('sends an object body as JSON with a JSON content type', async () => {
    const result = await run({ url: `${baseUrl}/echo`, method: 'POST', body: { name: 'Ada' } });
    expect(result.success).toBe(true);
    expect(result.output_data).toMatchObject({
      status_code: 201,
      body: { method: 'POST', content_type: 'application/json', body: '{"name":"Ada"}' },
    });
  });

  it('keeps a content-type header given for a JSON body', async () => {
    const result = await run({
      url: `${baseUrl}/echo`,
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.api+json', Authorization: 'Bearer t' },
      body: [1, 2],
    });
    expect(result.output_data?.body).toMatchObject({
      method: 'PUT',
      content_type: 'application/vnd.api+json',
      authorization: 'Bearer t',
      body: '[1,2]',
    });
  });

  it('sends a string body as is', async () => {
    const result = await run({ url: `${baseUrl}/echo`, method: 'PATCH', body: 'a=1&b=2' });
    expect(result.output_data?.body).toMatchObject({
      body: 'a=1&b=2',
      content_type: 'text/plain;charset=UTF-8',
    });
  });

  it('reads an empty body for a HEAD request', async () => {
    const result = await run({ url: `${baseUrl}/json`, method: 'HEAD' });
    expect(result.success).toBe(true);
    expect(result.output_data).toMatchObject({ status_code: 200, body: '' });
  });

  it('appends query parameters to those already in the URL', async () => {
    const result = await run({
      url: `${baseUrl}/echo?a=0`,
      query: { a: 1, b: 'x y', tags: ['p', 'q'], skip: null },
    });
    expect(result.output_data?.body).toMatchObject({
      query: { a: ['0', '1'], b: ['x y'], tags: ['p', 'q'] },
    });
  });

  it('fails a non-2xx response with HTTP_ERROR, keeping the response', async () => {
    const result = await run({ url: `${baseUrl}/missing` });
    expect(result.success).toBe(false);
    expect(result.error).toEqual({ code: 'HTTP_ERROR', message: 'HTTP 404 Not Found' });
    expect(result.output_data).toMatchObject({ status_code: 404, body: { error: 'not found' } });
  });

  it('fails with NETWORK_ERROR when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await run({ url: `http://127.0.0.1:${port}/` });
    expect(result.success).toBe(false);
    expect(result.error).toMatchObject({
      code: 'NETWORK_ERROR',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('fails with TIMEOUT when the response takes longer than timeout_ms', async () => {
    const result = await run({ url: `${baseUrl}/slow`, timeout_ms: 50 });
    expect(result.success).toBe(false);
    expect(result.error).toEqual({ code: 'TIMEOUT', message: 'Request timed out after 50 ms' });
  });

  it('rethrows the abort when the run is stopped', async () => {
    const controller = new AbortController();
    const arrived = new Promise<void>((resolve) => {
      slowRequestArrived = resolve;
    });
    const pending = run({ url: `${baseUrl}/slow` }, controller.signal);
    await arrived;
    const reason = new Error('run stopped');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('does not start a request when the run is already stopped', async () => {
    await expect(run({ url: `${baseUrl}/json` }, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('throws INVALID_PARAMETERS for values that fail its own checks', async () => {
    await expect(run({ url: 'ftp://example.com' })).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
      issues: [{ path: 'url', message: expect.stringMatching(/http/) }],
    });
  });
});

describe('HttpRequestComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [HttpRequestComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('http_request', values, { allowExpressions: false });

  it('declares success and error output handles', () => {
    expect(
      registry.getComponent('http_request')?.output_handles.map((h) => [h.id, h.position]),
    ).toEqual([
      ['success', 'right'],
      ['error', 'bottom'],
    ]);
  });

  it('accepts a full, valid request', () => {
    expect(
      validate({
        url: 'https://api.example.com/items',
        method: 'POST',
        headers: { Authorization: 'Bearer x' },
        query: { page: 2, tags: ['a', 'b'] },
        body: { a: 1 },
        timeout_ms: 1000,
      }),
    ).toEqual([]);
  });

  it('accepts a URL alone, method and timeout taking their defaults', () => {
    expect(validate({ url: 'http://localhost:8080/x' })).toEqual([]);
  });

  it('accepts an expression for the URL at design time', () => {
    expect(registry.validateParameters('http_request', { url: '{{ vars.base }}/items' })).toEqual(
      [],
    );
  });

  it('requires a URL', () => {
    expect(validate({})).toMatchObject([{ parameter: 'url', code: 'MISSING_REQUIRED_PARAMETER' }]);
  });

  it.each(['/relative', 'example.com', 'ftp://example.com/file', 'not a url'])(
    'rejects the URL %s',
    (url) => {
      expect(validate({ url })).toMatchObject([
        { parameter: 'url', code: 'INVALID_PARAMETER_VALUE' },
      ]);
    },
  );

  it('rejects an unknown method', () => {
    expect(validate({ url: 'https://x.test', method: 'TRACE' })).toMatchObject([
      { parameter: 'method', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it.each([
    [['a'], /object/],
    [{ 'X-Count': 1 }, /must be a string/],
    [{ 'bad name': 'x' }, /not a valid HTTP header name/],
    [{ 'X-Evil': 'a\r\nInjected: 1' }, /line breaks/],
  ])('rejects the headers %j', (headers, message) => {
    expect(validate({ url: 'https://x.test', headers })).toMatchObject([
      {
        parameter: 'headers',
        code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringMatching(message),
      },
    ]);
  });

  it.each([['a=1'], [{ nested: { a: 1 } }], [{ list: [[1]] }]])('rejects the query %j', (query) => {
    expect(validate({ url: 'https://x.test', query })).toMatchObject([
      { parameter: 'query', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it('rejects a body on a GET or HEAD request', () => {
    expect(validate({ url: 'https://x.test', body: { a: 1 } })).toMatchObject([
      { parameter: 'body', message: 'A GET request cannot have a body' },
    ]);
    expect(validate({ url: 'https://x.test', method: 'HEAD', body: 'x' })).toMatchObject([
      { parameter: 'body' },
    ]);
  });

  it.each([0, 300_001, 1.5, '100'])('rejects the timeout %j', (timeout_ms) => {
    expect(validate({ url: 'https://x.test', timeout_ms })).toMatchObject([
      { parameter: 'timeout_ms' },
    ]);
  });
});
