import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LogEntry } from '@flowloom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiJson, listSavedWorkflows, runSavedWorkflow } from './quickstartApi.test-helpers';
import { orderRoutingWorkflow } from './sampleWorkflows';
import { type RunningQuickstart, startQuickstart } from './startQuickstart';

const quietLogger = { info() {}, warn() {}, error: console.error };
let tempDir: string;
let running: RunningQuickstart[];

beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-quickstart-'));
  running = [];
});

afterEach(async () => {
  await Promise.all(running.map((quickstart) => quickstart.close()));
  rmSync(tempDir, { recursive: true, force: true });
});

async function start(options: { databasePath?: string; distDir?: string } = {}) {
  const quickstart = await startQuickstart({
    port: 0,
    host: '127.0.0.1',
    databasePath: options.databasePath ?? path.join(tempDir, 'flowloom.db'),
    distDir: options.distDir,
    logger: quietLogger,
  });
  running.push(quickstart);
  return quickstart;
}

async function logMessages(url: string, instanceId: string): Promise<string[]> {
  const { logs } = await apiJson<{ logs: LogEntry[] }>(
    `${url}/api/workflow/instances/${instanceId}/logs`,
  );
  return logs.map((log) => log.message);
}

describe('startQuickstart', () => {
  it('serves the built editor page at / and at any page route', async () => {
    const { url } = await start();
    for (const route of ['/', '/workflows/some-id']) {
      const response = await fetch(`${url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('<title>Flowloom quickstart</title>');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${url}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
    }
  });

  it('answers a missing asset 404 rather than with the page', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/assets/missing.js`);
    expect(response.status).toBe(404);
  });

  it('answers the page 503 with the build command when the page is not built', async () => {
    const { url } = await start({ distDir: path.join(tempDir, 'no-dist') });
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build -w @flowloom/example-quickstart');
    // The API does not depend on the page.
    expect((await fetch(`${url}/api/workflow/components`)).status).toBe(200);
  });

  it('serves the workflow API with the built-in components', async () => {
    const { url } = await start();
    const { components } = await apiJson<{ components: Array<{ type: string }> }>(
      `${url}/api/workflow/components`,
    );
    expect(components.map((component) => component.type)).toEqual(
      expect.arrayContaining(['manual_trigger', 'http_request', 'condition', 'log', 'delay']),
    );
  });

  it('answers the API only for its own host names: a rebound name gets 421', async () => {
    const { url } = await start();
    const { port } = new URL(url);
    const asHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port, path: '/api/workflow/components', headers: { host } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end();
      });
    expect(await asHost(`evil.example:${port}`)).toBe(421);
    expect(await asHost(`localhost:${port}`)).toBe(200);
    expect(await asHost(`127.0.0.1:${port}`)).toBe(200);
  });

  it('creates the database folder when it is missing', async () => {
    const databasePath = path.join(tempDir, 'nested', 'data', 'flowloom.db');
    const { url } = await start({ databasePath });
    expect(await listSavedWorkflows(url)).toHaveLength(2);
  });

  it('seeds the two samples on the first start only, and a second start keeps what was saved', async () => {
    const databasePath = path.join(tempDir, 'flowloom.db');
    const first = await start({ databasePath });
    expect((await listSavedWorkflows(first.url)).map((w) => w.name).sort()).toEqual([
      'Order routing',
      'Parallel fan-out',
    ]);
    await apiJson(`${first.url}/api/workflow/editor/save`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Mine', workflow_data: orderRoutingWorkflow.workflow_data }),
    });
    await first.close();

    const second = await start({ databasePath });
    expect((await listSavedWorkflows(second.url)).map((w) => w.name).sort()).toEqual([
      'Mine',
      'Order routing',
      'Parallel fan-out',
    ]);
  });

  it('runs "Order routing" for order 7 down the priority branch', async () => {
    const { url } = await start();
    const status = await runSavedWorkflow(url, 'Order routing', { order_id: 7 });
    expect(status.status).toBe('completed');
    expect(status.steps.fetch?.output_data).toMatchObject({
      status_code: 200,
      body: { id: 7, total: 140, priority: true },
    });
    expect(status.steps.log_priority?.status).toBe('completed');
    expect(status.steps.log_standard?.status).toBe('skipped');
    expect(await logMessages(url, status.instance_id)).toContain('Priority order 7: total 140');
  });

  it('runs "Order routing" for order 3 down the standard branch', async () => {
    const { url } = await start();
    const status = await runSavedWorkflow(url, 'Order routing', { order_id: 3 });
    expect(status.status).toBe('completed');
    expect(status.steps.log_priority?.status).toBe('skipped');
    expect(status.steps.log_standard?.status).toBe('completed');
    expect(await logMessages(url, status.instance_id)).toContain('Standard order 3: total 60');
  });

  it('runs "Order routing" with no input, as the editor\'s Execute does, on the demo order', async () => {
    const { url } = await start();
    const status = await runSavedWorkflow(url, 'Order routing', {});
    expect(status.status).toBe('completed');
    expect(status.steps.log_priority?.status).toBe('completed');
  });

  it('runs "Parallel fan-out" with the three delays at once, then the merge and the log', async () => {
    const quickstart = await start();
    const status = await runSavedWorkflow(quickstart.url, 'Parallel fan-out', {});
    expect(status.status).toBe('completed');
    expect(Object.values(status.steps).every((step) => step.status === 'completed')).toBe(true);

    const events = await quickstart.server.store.listEvents(status.instance_id);
    const indexOf = (type: string, stepId: string) =>
      events.findIndex((event) => event.event_type === type && event.step_id === stepId);
    const delays = ['wait_200', 'wait_400', 'wait_600'];
    const lastDelayStart = Math.max(...delays.map((id) => indexOf('step_started', id)));
    const firstDelayEnd = Math.min(...delays.map((id) => indexOf('step_completed', id)));
    expect(lastDelayStart).toBeLessThan(firstDelayEnd);
    expect(indexOf('step_started', 'merge')).toBeGreaterThan(indexOf('step_completed', 'wait_600'));
    expect(await logMessages(quickstart.url, status.instance_id)).toContain(
      'All three branches finished',
    );
  });

  it('answers the demo order endpoint, and 400 for an id that is not a positive integer', async () => {
    const { demoUrl } = await start();
    expect(await apiJson(`${demoUrl}/demo/orders/3`)).toEqual({
      id: 3,
      total: 60,
      priority: false,
    });
    expect((await fetch(`${demoUrl}/demo/orders/abc`)).status).toBe(400);
    expect((await fetch(`${demoUrl}/demo/orders/0`)).status).toBe(400);
  });

  it("lets workflows reach the demo endpoint and nothing else on this machine, the quickstart's own API included", async () => {
    const { url } = await start();
    const workflow = (target: string) => ({
      nodes: [
        { id: 'start', type: 'manual_trigger', data: { parameters: {} } },
        { id: 'call', type: 'http_request', data: { parameters: { url: target } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'call' }],
    });
    for (const target of [`${url}/api/workflow/editor/list`, 'http://localhost:5432/']) {
      const instance = await apiJson<{ instance_id: string }>(`${url}/api/workflow/instances`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Probe', workflow_data: workflow(target) }),
      });
      await apiJson(`${url}/api/workflow/instances/${instance.instance_id}/execute`, {
        method: 'POST',
        body: '{}',
      });
      let status = await apiJson<{
        status: string;
        steps: Record<string, { error?: { code: string } }>;
      }>(`${url}/api/workflow/instances/${instance.instance_id}/status`);
      for (let tries = 0; status.status === 'running' && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await apiJson(`${url}/api/workflow/instances/${instance.instance_id}/status`);
      }
      expect(status.status, target).toBe('failed');
      expect(status.steps.call?.error?.code, target).toBe('BLOCKED_DESTINATION');
    }
  });
});
