import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { WorkflowDataInput } from '@flowloom/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { call, WatchedSocket } from '../adapters/conformanceClient.test-helpers';
import { attachWorkflowWebSocket, mountWorkflowApi } from '../adapters/hono';
import { baseUrlOf, closeHttpServer, listening } from '../adapters/nodeHttpServer.test-helpers';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import { webhookWorkflow } from '../triggers/triggerTestKit.test-helpers';
import { TEST_CREDENTIALS_KEY } from './credentialTestKit.test-helpers';
import {
  closeTestServers,
  createTestServer,
  headerAuthenticate,
  type Json,
  type TestServer,
} from './testServer.test-helpers';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await closeTestServers();
});

const OWNER = { 'x-user-id': 'ada' };

/** A workflow server behind a real HTTP server on 127.0.0.1 (the Hono adapter). */
async function serveWebhooks(options: WorkflowServerOptions = {}) {
  const t = createTestServer({
    authenticate: headerAuthenticate,
    credentialsKey: TEST_CREDENTIALS_KEY,
    ...options,
  });
  const app = new Hono();
  mountWorkflowApi(app, t.server);
  const served = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  const webSocket = attachWorkflowWebSocket(served, t.server);
  const httpServer = served as Server;
  await listening(httpServer);
  closers.push(async () => {
    await webSocket.close();
    await closeHttpServer(httpServer);
  });
  const baseUrl = baseUrlOf(httpServer);
  return { t, baseUrl, api: `${baseUrl}/api/workflow` };
}

type Served = Awaited<ReturnType<typeof serveWebhooks>>;

/** Saves a workflow as Ada and activates it; returns its id and the hook's URL. */
async function activated({ t, baseUrl, api }: Served, workflow_data: WorkflowDataInput) {
  const saved = await t.request('POST', '/editor/save', { name: 'Hooks', workflow_data }, OWNER);
  const id = saved.body.workflow_id as string;
  const activation = await call('POST', `${api}/workflows/${id}/activate`, { headers: OWNER });
  expect(activation.status).toBe(200);
  const url = activation.body.triggers[0].webhook_url as string;
  expect(url.startsWith('http://127.0.0.1:')).toBe(true);
  expect(url.startsWith(baseUrl)).toBe(true);
  return { id, url };
}

/** A credential of Ada's holding `data`; returns its id. */
async function credential(t: TestServer, data: Record<string, string>) {
  const response = await t.request(
    'POST',
    '/credentials',
    { name: 'Hook secret', type: 'webhook', data },
    OWNER,
  );
  expect(response.status).toBe(201);
  return response.body.credential_id as string;
}

/** Webhook → `then` (a node connected after the trigger) → nothing else. */
function hookThen(parameters: Record<string, unknown>, then: WorkflowDataInput['nodes']) {
  return {
    nodes: [
      { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in', ...parameters } } },
      ...then,
    ],
    edges: then.map((node, at) => ({
      id: `e${at}`,
      source: at === 0 ? 'hook' : then[at - 1]!.id,
      target: node.id,
    })),
  };
}

const json = (value: unknown) => ({ json: value });

describe('webhook route, respond immediately', () => {
  it('answers 202 with the instance id; the run is the owner’s, records its trigger and got the request', async () => {
    const served = await serveWebhooks();
    const { id, url } = await activated(served, webhookWorkflow());
    const answer = await call('POST', `${url}?source=shop`, {
      json: { id: 7 },
      headers: { 'X-Event': 'created', Cookie: 'session=1', Authorization: 'Bearer x' },
    });
    expect(answer.status).toBe(202);
    expect(Object.keys(answer.body)).toEqual(['instance_id']);
    const instanceId = answer.body.instance_id;
    const status = await waitForEnd(served, instanceId);
    expect(status.steps.shape.output_data).toEqual({ order: 7, method: 'POST' });

    const instance = await served.t.request('GET', `/instances/${instanceId}`, undefined, OWNER);
    expect(instance.body).toMatchObject({
      workflow_id: id,
      workflow_version: 1,
      trigger: { type: 'webhook', step_id: 'hook' },
      created_by: 'ada',
    });
    const input = instance.body.input_data;
    expect(input).toMatchObject({
      method: 'POST',
      path: '/orders',
      query: { source: 'shop' },
      body: { id: 7 },
    });
    expect(input.headers['x-event']).toBe('created');
    expect(input.headers).not.toHaveProperty('cookie');
    expect(input.headers).not.toHaveProperty('authorization');

    const listed = await served.t.request(
      'GET',
      `/instances?trigger_type=webhook`,
      undefined,
      OWNER,
    );
    expect(listed.body.instances.map((run: { instance_id: string }) => run.instance_id)).toEqual([
      instanceId,
    ]);
    const others = await served.t.request('GET', '/instances', undefined, { 'x-user-id': 'eve' });
    expect(others.body.total).toBe(0);
  });

  it('streams the triggered run on the WebSocket like any run', async () => {
    const served = await serveWebhooks({ authenticate: undefined });
    const { url } = await activated(served, webhookWorkflow());
    const answer = await call('POST', url, json({ id: 1 }));
    const wsUrl = `${served.baseUrl.replace('http', 'ws')}/api/workflow/ws/${answer.body.instance_id}?since=0`;
    const watcher = new WatchedSocket(wsUrl);
    await watcher.waitForEnd();
    expect(watcher.events[0]?.event_type).toBe('execution_started');
    expect(
      watcher.events.filter((event) => event.event_type === 'step_completed').map((e) => e.step_id),
    ).toEqual(['hook', 'shape']);
    watcher.socket.close();
  });

  it('is not behind authenticate: a caller without a user reaches it', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(served, webhookWorkflow());
    expect((await call('GET', `${served.api}/editor/list`)).status).toBe(401);
    expect((await call('POST', url, json({ id: 1 }))).status).toBe(202);
  });

  it('reads a URL-encoded form, a text body and a GET with a query', async () => {
    const served = await serveWebhooks();
    const form = await activated(served, webhookWorkflow());
    const posted = await call('POST', form.url, {
      body: 'id=5&tag=a&tag=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await inputOf(served, posted.body.instance_id)).body).toEqual({
      id: '5',
      tag: ['a', 'b'],
    });
    const text = await call('POST', form.url, {
      body: 'plain words',
      headers: { 'content-type': 'text/plain' },
    });
    expect((await inputOf(served, text.body.instance_id)).body).toBe('plain words');

    const get = await activated(served, webhookWorkflow({ method: 'GET', path: '/ping' }));
    const pinged = await call('GET', `${get.url}?q=1`);
    expect(pinged.status).toBe(202);
    expect(await inputOf(served, pinged.body.instance_id)).toMatchObject({
      method: 'GET',
      query: { q: '1' },
      body: null,
    });
  });

  it('answers 400 for a JSON body that does not parse, starting nothing', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(served, webhookWorkflow());
    const answer = await call('POST', url, {
      body: '{"id":',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect((await served.t.server.store.listInstances()).total).toBe(0);
  });
});

describe('webhook route, respond when_finished', () => {
  it('answers 200 with the workflow output once the run completed', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(served, webhookWorkflow({ respond: 'when_finished' }));
    const answer = await call('POST', url, json({ id: 9 }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ order: 9, method: 'POST' });
    expect(answer.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('answers with the status, headers and body a respond_to_webhook step set, keeping its own security headers', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(
      served,
      hookThen({ respond: 'when_finished' }, [
        {
          id: 'reply',
          type: 'respond_to_webhook',
          data: {
            parameters: {
              status_code: 201,
              headers: {
                'content-type': 'text/html',
                'x-order': 'order-{{ input.body.id }}',
              },
              body: '<p>order {{ input.body.id }}</p>',
            },
          },
        },
      ]),
    );
    const answer = await call('POST', url, json({ id: 4 }));
    expect(answer.status, answer.text).toBe(201);
    expect(answer.text).toBe('<p>order 4</p>');
    expect(answer.headers.get('x-order')).toBe('order-4');
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.headers.get('content-security-policy')).toBe('sandbox');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses to activate a respond_to_webhook that sets a cookie, a Location or CORS, or redirects', async () => {
    const served = await serveWebhooks();
    const saved = await served.t.request(
      'POST',
      '/editor/save',
      {
        name: 'Phish',
        workflow_data: hookThen({ respond: 'when_finished' }, [
          {
            id: 'reply',
            type: 'respond_to_webhook',
            data: {
              parameters: {
                status_code: 302,
                headers: {
                  'Set-Cookie': 'session=attacker; Path=/',
                  Location: 'https://evil.example/phish',
                  'Access-Control-Allow-Origin': '*',
                },
              },
            },
          },
        ]),
      },
      OWNER,
    );
    const id = saved.body.workflow_id as string;
    const activation = await served.t.request(
      'POST',
      `/workflows/${id}/activate`,
      undefined,
      OWNER,
    );
    expect(activation.status).toBe(400);
    const paths = (activation.body.error.issues as Json[]).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['workflow_data.reply.status_code', 'workflow_data.reply.headers']),
    );
  });

  it('answers 502 RUN_FAILED, setting no cookie, when an expression gives respond_to_webhook a header it may not set', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(
      served,
      hookThen({ respond: 'when_finished' }, [
        {
          id: 'reply',
          type: 'respond_to_webhook',
          data: { parameters: { headers: '{{ input.body.headers }}', body: 'hi' } },
        },
      ]),
    );
    const answer = await call('POST', url, json({ headers: { 'set-cookie': 'session=attacker' } }));
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('RUN_FAILED');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers 502 RUN_FAILED with the instance id when the run failed', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(
      served,
      hookThen({ respond: 'when_finished' }, [
        // The network guard refuses loopback addresses: the step fails, and so does the run.
        {
          id: 'broken',
          type: 'http_request',
          data: { parameters: { url: 'http://127.0.0.1:9/' } },
        },
      ]),
    );
    const answer = await call('POST', url, json({}));
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatchObject({
      code: 'RUN_FAILED',
      message: expect.any(String),
      instance_id: expect.stringMatching(/\S/),
    });
  });

  it('answers 202 with the instance id when the run is still going at timeout_ms', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(
      served,
      hookThen({ respond: 'when_finished', timeout_ms: 50 }, [
        { id: 'wait', type: 'delay', data: { parameters: { ms: 60_000 } } },
      ]),
    );
    const answer = await call('POST', url, json({}));
    expect(answer.status).toBe(202);
    expect(served.t.server.engine.isRunning(answer.body.instance_id)).toBe(true);
  });
});

describe('webhook route refusals', () => {
  it('answers 405 with Allow for another method, starting nothing', async () => {
    const served = await serveWebhooks();
    const { url } = await activated(served, webhookWorkflow({ method: 'PUT' }));
    for (const method of ['POST', 'GET', 'DELETE']) {
      const answer = await call(method, url);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('allow')).toBe('PUT');
      expect(answer.body.error.code).toBe('METHOD_NOT_ALLOWED');
    }
    expect((await served.t.server.store.listInstances()).total).toBe(0);
  });

  it('answers 404 for an inactive, deactivated or unknown workflow and an unknown path', async () => {
    const served = await serveWebhooks();
    const saved = await served.t.request(
      'POST',
      '/editor/save',
      { name: 'Never active', workflow_data: webhookWorkflow() },
      OWNER,
    );
    const inactive = `${served.api}/webhooks/${saved.body.workflow_id}/orders`;
    expect((await call('POST', inactive, json({}))).status).toBe(404);
    const { id, url } = await activated(served, webhookWorkflow());
    expect((await call('POST', `${served.api}/webhooks/${id}/other`, json({}))).status).toBe(404);
    expect((await call('POST', `${served.api}/webhooks/wf_nope/orders`, json({}))).status).toBe(
      404,
    );
    await served.t.request('POST', `/workflows/${id}/deactivate`, undefined, OWNER);
    const gone = await call('POST', url, json({}));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
    expect((await served.t.server.store.listInstances()).total).toBe(0);
  });

  it('answers 429 with Retry-After past rateLimit.webhook, per workflow', async () => {
    const served = await serveWebhooks({ rateLimit: { webhook: '2/minute' } });
    const first = await activated(served, webhookWorkflow());
    const second = await activated(served, webhookWorkflow());
    expect((await call('POST', first.url, json({}))).status).toBe(202);
    expect((await call('POST', first.url, json({}))).status).toBe(202);
    const limited = await call('POST', first.url, json({}));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call('POST', second.url, json({}))).status).toBe(202);
  });

  it('answers 413 for a body over the body limit', async () => {
    const served = await serveWebhooks({ bodyLimit: 1024 });
    const { url } = await activated(served, webhookWorkflow());
    const answer = await call('POST', url, json({ text: 'x'.repeat(2000) }));
    expect(answer.status).toBe(413);
    expect((await served.t.server.store.listInstances()).total).toBe(0);
  });
});

describe('webhook authentication', () => {
  it('header: accepts the credential’s header and value, keeps it out of the run, refuses others with 401', async () => {
    const served = await serveWebhooks();
    const credentialId = await credential(served.t, { name: 'X-Hook-Token', value: 'tok-123' });
    const { url } = await activated(
      served,
      webhookWorkflow({ auth: 'header', credential: { credential_id: credentialId } }),
    );
    const accepted = await call('POST', url, { json: {}, headers: { 'x-hook-token': 'tok-123' } });
    expect(accepted.status).toBe(202);
    const input = await inputOf(served, accepted.body.instance_id);
    expect(input.headers).not.toHaveProperty('x-hook-token');
    expect(JSON.stringify(input)).not.toContain('tok-123');

    const wrong: Array<Record<string, string>> = [
      { 'x-hook-token': 'tok-124' },
      {},
      { 'x-other': 'tok-123' },
    ];
    for (const headers of wrong) {
      const refused = await call('POST', url, { json: {}, headers });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Webhook authentication failed',
      });
    }
    expect((await served.t.server.store.listInstances()).total).toBe(1);
  });

  it('hmac_sha256: accepts the signature of the raw body, refuses a bad one and a replayed one over a changed byte', async () => {
    const served = await serveWebhooks();
    const credentialId = await credential(served.t, { secret: 'whsec_1' });
    const { url } = await activated(
      served,
      webhookWorkflow({
        auth: 'hmac_sha256',
        credential: { credential_id: credentialId },
        signature_header: 'X-Hub-Signature-256',
      }),
    );
    // Sent byte for byte as signed: key order and spacing are the sender's.
    const body = '{"id": 7,  "amount":100}';
    const signature = `sha256=${createHmac('sha256', 'whsec_1').update(body).digest('hex')}`;
    const headers = { 'content-type': 'application/json', 'x-hub-signature-256': signature };
    const accepted = await call('POST', url, { body, headers });
    expect(accepted.status).toBe(202);
    expect((await inputOf(served, accepted.body.instance_id)).body).toEqual({ id: 7, amount: 100 });

    const badSignature = await call('POST', url, {
      body,
      headers: { ...headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    expect(badSignature.status).toBe(401);
    const replayed = await call('POST', url, { body: body.replace('100', '900'), headers });
    expect(replayed.status).toBe(401);
    const unsigned = await call('POST', url, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect((await served.t.server.store.listInstances()).total).toBe(1);
  });

  it('counts refused calls against the caller IP’s unauthenticated limit', async () => {
    const served = await serveWebhooks({ rateLimit: { unauthenticated: '2/minute' } });
    const credentialId = await credential(served.t, { secret: 's' });
    const { url } = await activated(
      served,
      webhookWorkflow({ auth: 'hmac_sha256', credential: { credential_id: credentialId } }),
    );
    const bad = { json: {}, headers: { 'x-signature': '0'.repeat(64) } };
    expect((await call('POST', url, bad)).status).toBe(401);
    expect((await call('POST', url, bad)).status).toBe(401);
    expect((await call('POST', url, bad)).status).toBe(429);
  });

  it('refuses with 401, and logs why, when the owner can no longer read the credential', async () => {
    const served = await serveWebhooks();
    const credentialId = await credential(served.t, { secret: 's' });
    const { url } = await activated(
      served,
      webhookWorkflow({ auth: 'hmac_sha256', credential: { credential_id: credentialId } }),
    );
    await served.t.request('DELETE', `/credentials/${credentialId}`, undefined, OWNER);
    const body = '{}';
    const signature = createHmac('sha256', 's').update(body).digest('hex');
    const answer = await call('POST', url, { body, headers: { 'x-signature': signature } });
    expect(answer.status).toBe(401);
    expect(served.t.logger.warn).toHaveBeenCalledWith(expect.stringContaining('does not exist'));
  });
});

async function waitForEnd({ t }: Served, instanceId: string) {
  for (let poll = 0; poll < 400; poll += 1) {
    const status = await t.request('GET', `/instances/${instanceId}/status`, undefined, OWNER);
    if (['completed', 'failed', 'cancelled'].includes(status.body.status)) return status.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${instanceId} did not end`);
}

async function inputOf({ t }: Served, instanceId: string) {
  return (await t.server.store.getInstance(instanceId))!.input_data as Json;
}
