import { ErrorCode } from '@flowloom/core';
import { Gauge, Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizeHook } from '../auth/authTypes';
import {
  asUser,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  headerAuthenticate,
  logWorkflow,
  type TestServer,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import { FakeSocket } from '../ws/hubTestKit.test-helpers';
import { createFlowloomMetrics } from './createFlowloomMetrics';

afterEach(closeTestServers);

/** The Prometheus text the server serves. */
async function scrape(t: TestServer, headers: Record<string, string> = {}): Promise<string> {
  const response = await t.request('GET', '/metrics', undefined, headers);
  expect(response.status, String(response.body)).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body as string;
}

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Saves `workflow_data` and runs an instance of it to its end; returns the workflow id. */
async function runSaved(t: TestServer, workflow_data = logWorkflow()): Promise<string> {
  const saved = await t.request('POST', '/editor/save', { name: 'Metered', workflow_data });
  const workflowId: string = saved.body.workflow_id;
  const instance = await t.request('POST', '/instances', {
    name: 'Run',
    workflow_id: workflowId,
  });
  await executeVia(t, instance.body.instance_id);
  await waitForFinalStatus(t, instance.body.instance_id);
  return workflowId;
}

describe('GET /metrics', () => {
  it('counts runs by workflow and times steps by component type, as Prometheus text', async () => {
    const t = createTestServer({ metrics: true });
    const workflowId = await runSaved(t);
    await runSaved(t, logWorkflow());
    await vi.waitFor(async () => {
      const text = await scrape(t);
      expect(sample(text, `flowloom_runs_started_total{workflow_id="${workflowId}"}`)).toBe(1);
      expect(
        sample(
          text,
          `flowloom_runs_finished_total{workflow_id="${workflowId}",status="completed"}`,
        ),
      ).toBe(1);
      expect(
        sample(
          text,
          'flowloom_step_duration_seconds_count{component_type="log",status="completed"}',
        ),
      ).toBe(2);
      expect(
        sample(
          text,
          'flowloom_step_duration_seconds_count{component_type="manual_trigger",status="completed"}',
        ),
      ).toBe(2);
    });
    const text = await scrape(t);
    expect(text).toContain('# TYPE flowloom_step_duration_seconds histogram');
    expect(sample(text, 'flowloom_runs_executing')).toBe(0);
    expect(sample(text, 'flowloom_runs_queued')).toBe(0);
    expect(sample(text, 'flowloom_websocket_clients')).toBe(0);
  });

  it('counts failed and cancelled runs, and runs of no saved workflow under workflow_id="none"', async () => {
    const t = createTestServer({ metrics: true });
    // A step fetching a loopback address fails (the network guard refuses it).
    const failing = await createInstanceVia(t, {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        {
          id: 'call',
          type: 'http_request',
          data: { parameters: { url: 'http://127.0.0.1:9/x', method: 'GET' } },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'call' }],
    });
    await executeVia(t, failing.instance_id);
    expect((await waitForFinalStatus(t, failing.instance_id)).status).toBe('failed');
    const slow = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, slow.instance_id);
    await vi.waitFor(async () =>
      expect(sample(await scrape(t), 'flowloom_runs_executing')).toBe(1),
    );
    await t.request('POST', `/instances/${slow.instance_id}/stop`);
    await vi.waitFor(async () => {
      const text = await scrape(t);
      expect(sample(text, 'flowloom_runs_started_total{workflow_id="none"}')).toBe(2);
      expect(sample(text, 'flowloom_runs_finished_total{workflow_id="none",status="failed"}')).toBe(
        1,
      );
      expect(
        sample(text, 'flowloom_runs_finished_total{workflow_id="none",status="cancelled"}'),
      ).toBe(1);
      expect(
        sample(
          text,
          'flowloom_step_duration_seconds_count{component_type="http_request",status="failed"}',
        ),
      ).toBe(1);
      expect(sample(text, 'flowloom_runs_executing')).toBe(0);
    });
  });

  it('keeps at most maxWorkflowLabels workflow ids, counting later workflows as "other"', async () => {
    const t = createTestServer({ metrics: { maxWorkflowLabels: 1 } });
    const first = await runSaved(t);
    const second = await runSaved(t);
    await vi.waitFor(async () => {
      const text = await scrape(t);
      expect(sample(text, `flowloom_runs_started_total{workflow_id="${first}"}`)).toBe(1);
      expect(sample(text, 'flowloom_runs_started_total{workflow_id="other"}')).toBe(1);
      expect(text).not.toContain(second);
    });
  });

  it("counts the hub's open WebSocket connections", async () => {
    const t = createTestServer({ metrics: true });
    const instance = await createInstanceVia(t, logWorkflow());
    const session = { instanceId: instance.instance_id, user: { id: 'anonymous' }, since: 0 };
    const first = t.server.hub.attach(new FakeSocket(), session);
    t.server.hub.attach(new FakeSocket(), session);
    expect(sample(await scrape(t), 'flowloom_websocket_clients')).toBe(2);
    first.onClose();
    expect(sample(await scrape(t), 'flowloom_websocket_clients')).toBe(1);
  });

  it("serves the host's registry, with the host's own metrics beside Flowloom's", async () => {
    const registry = new Registry();
    const t = createTestServer({ metrics: { registry } });
    expect(t.server.metrics?.registry).toBe(registry);
    // As @flowloom/queue adds its queue depth to `server.metrics.registry`.
    const depth = new Gauge({
      name: 'flowloom_queue_depth',
      help: 'Jobs waiting',
      registers: [t.server.metrics!.registry as Registry],
    });
    depth.set(3);
    const text = await scrape(t);
    expect(sample(text, 'flowloom_queue_depth')).toBe(3);
    expect(text).toContain('# TYPE flowloom_runs_started_total counter');
  });

  it('asks authenticate and authorize (metrics:read) like every route', async () => {
    const authorize = vi.fn<AuthorizeHook>((user) => user.id === 'scraper');
    const t = createTestServer({ metrics: true, authenticate: headerAuthenticate, authorize });
    expect((await t.request('GET', '/metrics')).status).toBe(401);
    const refused = await t.request('GET', '/metrics', undefined, asUser('ada'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: metrics:read');
    expect(authorize).toHaveBeenCalledWith({ id: 'ada' }, 'metrics:read', { type: 'metrics' });
    await scrape(t, asUser('scraper'));
  });

  it('refuses a query parameter, and other methods with 405', async () => {
    const t = createTestServer({ metrics: true });
    expect((await t.request('GET', '/metrics?format=json')).status).toBe(400);
    const posted = await t.request('POST', '/metrics', {});
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('has no metrics route, document entry or metrics object unless asked', async () => {
    const t = createTestServer();
    expect((await t.request('GET', '/metrics')).status).toBe(404);
    expect(t.server.metrics).toBeUndefined();
    const document = (await t.request('GET', '/openapi.json')).body;
    expect(document.paths['/api/workflow/metrics']).toBeUndefined();
    expect(document.paths['/api/workflow/audit'].get.operationId).toBe('listAudit');
  });

  it('documents GET /metrics as text when metrics are on', async () => {
    const t = createTestServer({ metrics: true });
    const document = (await t.request('GET', '/openapi.json')).body;
    const operation = document.paths['/api/workflow/metrics'].get;
    expect(operation.operationId).toBe('getMetrics');
    expect(Object.keys(operation.responses[200].content)).toEqual(['text/plain']);
  });

  it('stops counting once the server is closed', async () => {
    const t = createTestServer({ metrics: true });
    const registry = t.server.metrics!.registry;
    await closeTestServers();
    const text = await registry.metrics();
    expect(sample(text, 'flowloom_runs_executing')).toBe(0);
    expect(t.server.engine.listenerCount('event')).toBe(0);
  });
});

describe('createFlowloomMetrics', () => {
  it('takes the metrics a registry already holds instead of registering them twice', () => {
    const registry = new Registry();
    const first = createFlowloomMetrics(registry);
    const second = createFlowloomMetrics(registry);
    expect(second.runsStarted).toBe(first.runsStarted);
    expect(registry.getMetricsAsArray()).toHaveLength(6);
  });

  it('refuses something that is not a prom-client registry', () => {
    expect(() => createFlowloomMetrics({} as Registry)).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
    );
    expect(() => createTestServer({ metrics: { maxWorkflowLabels: -1 } })).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
    );
  });
});
