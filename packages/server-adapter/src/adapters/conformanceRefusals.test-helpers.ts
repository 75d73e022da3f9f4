import { describe, expect, it } from 'vitest';
import type { ConformanceContext } from './conformance.test-helpers';
import { call, rawExchange, workflow } from './conformanceClient.test-helpers';

/** The HTTP answer in a raw exchange: its status, headers and JSON body. */
function parseRaw(text: string) {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()] as const;
    }),
  );
  const bodyText = rest.join('\r\n\r\n');
  // A chunked answer: the JSON sits between the chunk sizes.
  const json = bodyText.slice(bodyText.indexOf('{'), bodyText.lastIndexOf('}') + 1);
  let body: { error?: { code?: string; message?: string } } | undefined;
  try {
    body = JSON.parse(json);
  } catch {}
  return { status: Number(statusLine.split(' ')[1]), headers, body, text };
}

/** One raw HTTP/1.1 request (any method, any Host) and its parsed answer. */
async function raw(baseUrl: string, method: string, path: string, headers: string[] = []) {
  const { port } = new URL(baseUrl);
  const host = headers.some((header) => /^host:/i.test(header)) ? [] : [`Host: 127.0.0.1:${port}`];
  const request = [
    `${method} ${path} HTTP/1.1`,
    ...host,
    ...headers,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return parseRaw(await rawExchange(baseUrl, request));
}

/**
 * Requests the API refuses, in its error format whatever the framework: methods it does not
 * serve (TRACE included, which no web `Request` can carry), bodies that are not JSON, hosts
 * outside `allowedHosts`, unknown query parameters.
 */
export function describeRequestRefusals({ launch, refusedUpgrade }: ConformanceContext): void {
  describe('refused requests', () => {
    it('answers TRACE under the base path with a JSON 405 and Allow, never an error page', async () => {
      const { baseUrl, server } = await launch();
      const answer = await raw(baseUrl, 'TRACE', `${server.basePath}/components`);
      expect(answer.status, answer.text).toBe(405);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
      expect(answer.body?.error?.code).toBe('METHOD_NOT_ALLOWED');
      expect(answer.text).not.toMatch(/<html|at .*\.(js|ts):\d+/i);
    });

    it('answers TRACE on a path the API does not have with a JSON 404', async () => {
      const { baseUrl, server } = await launch();
      const answer = await raw(baseUrl, 'TRACE', `${server.basePath}/no-such-route`);
      expect(answer.status, answer.text).toBe(404);
      expect(answer.body?.error?.code).toBe('NOT_FOUND');
    });

    it('answers a method a known path does not serve with a JSON 405 and Allow', async () => {
      const { api } = await launch();
      for (const [method, path, allow] of [
        ['DELETE', '/instances', 'GET, HEAD, POST'],
        ['PUT', '/components', 'GET, HEAD'],
        ['PATCH', '/instances/inst_x', 'DELETE, GET, HEAD'],
        ['OPTIONS', '/editor/save', 'POST'],
      ] as const) {
        const answer = await call(method, `${api}${path}`);
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.get('allow'), `${method} ${path}`).toBe(allow);
        expect(answer.body.error.code).toBe('METHOD_NOT_ALLOWED');
      }
    });

    it('answers 415 to a body declared as anything but JSON, before reading it', async () => {
      const { api } = await launch();
      const body = JSON.stringify({ name: 'Cross-site', workflow_data: workflow() });
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const answer = await call('POST', `${api}/instances`, {
          body,
          headers: { 'content-type': type },
        });
        expect(answer.status, type).toBe(415);
        expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      const listed = await call('GET', `${api}/instances`);
      expect(listed.body.total).toBe(0);
    });

    it('answers 415 to a JSON body sent without a Content-Type', async () => {
      const { api } = await launch();
      const answer = await call('POST', `${api}/instances`, {
        body: new TextEncoder().encode(JSON.stringify({ name: 'Blob', workflow_data: workflow() })),
      });
      expect(answer.status, answer.text).toBe(415);
      expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('accepts JSON with a charset, and a body-less POST without a Content-Type', async () => {
      const { api, createInstance } = await launch();
      const created = await call('POST', `${api}/instances`, {
        body: JSON.stringify({ name: 'Charset', workflow_data: workflow() }),
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      });
      expect(created.status, created.text).toBe(201);
      const executed = await call('POST', `${api}/instances/${await createInstance()}/execute`);
      expect(executed.status, executed.text).toBe(202);
    });

    it('answers 400 to a query parameter the route does not read', async () => {
      const { api } = await launch();
      for (const path of ['/components?debug=1', '/instances?limit=5&sort=asc']) {
        const answer = await call('GET', `${api}${path}`);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('answers 421 to a Host outside allowedHosts, and serves the hosts on it', async () => {
      const { baseUrl, api, server } = await launch({ allowedHosts: ['127.0.0.1', 'localhost'] });
      const { port } = new URL(baseUrl);
      const asHost = (host: string) =>
        raw(baseUrl, 'GET', `${server.basePath}/components`, [`Host: ${host}:${port}`]);
      const evil = await asHost('evil.example');
      expect(evil.status, evil.text).toBe(421);
      expect(evil.body?.error?.code).toBe('HOST_NOT_ALLOWED');
      expect((await asHost('localhost')).status).toBe(200);
      expect((await call('GET', `${api}/components`)).status).toBe(200);
    });

    it('refuses a WebSocket upgrade naming a Host outside allowedHosts with 421', async () => {
      const { wsUrl, createInstance } = await launch({ allowedHosts: ['127.0.0.1'] });
      const id = await createInstance();
      const answer = await refusedUpgrade(wsUrl(id), { headers: { host: 'evil.example' } });
      expect(answer.status).toBe(421);
      expect(answer.body.error.code).toBe('HOST_NOT_ALLOWED');
    });
  });
}
