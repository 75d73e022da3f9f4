import { describe, expect, it } from 'vitest';
import type { ConformanceContext } from './conformance.test-helpers';
import {
  type Answer,
  call,
  rawExchange,
  WAIT_MS,
  within,
  workflow,
} from './conformanceClient.test-helpers';

/** Every error status, answered in the API's format through the adapter. */
export function describeErrorAnswers({ launch }: ConformanceContext): void {
  describe('error answers', () => {
    it('answers 400 to a body that is not JSON', async () => {
      const { api } = await launch();
      const answer = await call('POST', `${api}/instances`, {
        body: '{"name": "Demo",',
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: '', message: 'Invalid JSON' }],
      });
    });

    it('answers 400 listing each field of the wrong type', async () => {
      const { api, createInstance } = await launch();
      const created = await call('POST', `${api}/instances`, {
        json: { name: 42, workflow_id: 7 },
      });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe('VALIDATION_FAILED');
      const paths = created.body.error.issues.map((issue: { path: string }) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'workflow_id']));

      const id = await createInstance();
      const executed = await call('POST', `${api}/instances/${id}/execute`, {
        json: { input_data: [1, 2] },
      });
      expect(executed.status).toBe(400);
      expect(executed.body.error.issues[0].path).toBe('input_data');
    });

    it('answers 404 to an unknown instance id', async () => {
      const { api } = await launch();
      for (const path of ['', '/status', '/logs']) {
        const answer = await call('GET', `${api}/instances/inst_missing${path}`);
        expect(answer.status, path).toBe(404);
        expect(answer.body.error.code).toBe('NOT_FOUND');
      }
      const executed = await call('POST', `${api}/instances/inst_missing/execute`, { json: {} });
      expect(executed.status).toBe(404);
    });

    it('answers 404 in the API format to an unknown route under the base path', async () => {
      const { api } = await launch();
      for (const [method, url] of [
        ['GET', `${api}/no-such-route`],
        ['DELETE', `${api}/no-such-route`],
        ['GET', api],
      ] as const) {
        const answer = await call(method, url);
        expect(answer.status, `${method} ${url}`).toBe(404);
        expect(answer.body.error.code).toBe('NOT_FOUND');
      }
    });

    it('answers 409 to executing an instance that is running', async () => {
      const { api, createInstance } = await launch();
      const id = await createInstance({}, 10_000);
      const first = await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      expect(first.status).toBe(202);
      const second = await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('CONFLICT');
    });

    it('answers 413 to a body over bodyLimit with a Content-Length', async () => {
      const { api } = await launch({ bodyLimit: 1024 });
      const answer = await call('POST', `${api}/instances`, {
        json: { name: 'x'.repeat(4096), workflow_data: workflow() },
      });
      expect(answer.status).toBe(413);
      expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers 413 to a streamed body that grows over bodyLimit', async () => {
      const { api } = await launch({ bodyLimit: 1024 });
      const chunk = new TextEncoder().encode(`{"name":"${'x'.repeat(600)}`);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk);
          controller.enqueue(chunk);
          controller.close();
        },
      });
      const answer = await call('POST', `${api}/instances`, {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(413);
      expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('frees the connection after answering 413 to a large body, so shutdown is prompt', async () => {
      const { api, stop } = await launch({ bodyLimit: 1024 });
      const bytes = new TextEncoder().encode(JSON.stringify({ name: 'x'.repeat(5_000_000) }));
      const declared = await call('POST', `${api}/instances`, {
        body: bytes,
        headers: { 'content-type': 'application/json' },
      });
      expect(declared.status).toBe(413);
      const streamed = await call('POST', `${api}/instances`, {
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 65_536) {
              controller.enqueue(bytes.slice(at, at + 65_536));
            }
            controller.close();
          },
        }),
        headers: { 'content-type': 'application/json' },
      });
      expect(streamed.status).toBe(413);
      // A half-read request would hold its connection, and with it the server's close, open.
      await stop();
    });

    it('answers 429 with Retry-After over a rate limit', async () => {
      const { api, createInstance } = await launch({ rateLimit: { execute: '2/minute' } });
      const ids = [await createInstance(), await createInstance(), await createInstance()];
      const statuses: number[] = [];
      let refused: Answer | undefined;
      for (const id of ids) {
        const answer = await call('POST', `${api}/instances/${id}/execute`, { json: {} });
        statuses.push(answer.status);
        if (answer.status === 429) refused = answer;
      }
      expect(statuses).toEqual([202, 202, 429]);
      expect(refused?.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = refused?.headers.get('retry-after');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    });
  });
}

/** What stays the host framework's: its own routes, 404s, plain upgrades, and shutdown. */
export function describeHostFramework({
  launch,
  connect,
  refusedUpgrade,
}: ConformanceContext): void {
  describe('the host framework', () => {
    it('still answers its own routes outside the base path', async () => {
      const { baseUrl } = await launch();
      const health = await call('GET', `${baseUrl}/health`);
      expect(health.status).toBe(200);
      expect(health.text).toBe('ok');
      const echo = await call('POST', `${baseUrl}/echo`, { json: { hello: ['world'] } });
      expect(echo.status).toBe(200);
      expect(echo.body).toEqual({ hello: ['world'] });
    });

    it('leaves unknown paths outside the base path to its own 404', async () => {
      const { baseUrl, api } = await launch();
      for (const url of [`${baseUrl}/nowhere`, `${api}x/components`]) {
        const answer = await call('GET', url);
        expect(answer.status, url).toBe(404);
        expect(answer.body?.error?.code, url).toBeUndefined();
      }
    });

    it('answers a WebSocket upgrade to one of its own paths as a plain request', async () => {
      const { baseUrl } = await launch();
      const answer = await refusedUpgrade(`${baseUrl.replace(/^http/, 'ws')}/health`);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('ok');
    });

    it('answers an h2c upgrade probe as a plain HTTP/1.1 request', async () => {
      const { baseUrl, server } = await launch();
      const probe = (path: string) =>
        rawExchange(
          baseUrl,
          [
            `GET ${path} HTTP/1.1`,
            'Host: 127.0.0.1',
            'Connection: Upgrade, HTTP2-Settings',
            'Upgrade: h2c',
            'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA',
            '',
            '',
          ].join('\r\n'),
        );
      const health = await probe('/health');
      expect(health).toMatch(/^HTTP\/1\.1 200 /);
      expect(health).toMatch(/\r\n\r\nok$/);
      const components = await probe(`${server.basePath}/components`);
      expect(components).toMatch(/^HTTP\/1\.1 200 /);
      expect(components).toContain('"manual_trigger"');
    });

    it('answers GET /components with an ETag, and 304 to If-None-Match', async () => {
      const { api } = await launch();
      const listed = await call('GET', `${api}/components`);
      expect(listed.status).toBe(200);
      expect(listed.body.components.map((c: { type: string }) => c.type)).toContain('delay');
      const etag = listed.headers.get('etag');
      expect(etag).toBeTruthy();
      const again = await call('GET', `${api}/components`, {
        headers: { 'if-none-match': etag! },
      });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    });

    it('closes WebSockets with 1001 and stops listening when shut down', async () => {
      const { baseUrl, stop, wsUrl, createInstance } = await launch();
      const watcher = connect(wsUrl(await createInstance()));
      await watcher.opened;
      await stop();
      const closed = await within(watcher.closed, 'the client to see the close');
      expect(closed.code).toBe(1001);
      await expect(
        fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(WAIT_MS) }),
      ).rejects.toThrow();
    });
  });
}
