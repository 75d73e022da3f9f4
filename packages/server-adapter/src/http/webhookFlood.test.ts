import { type WorkflowDataInput, WorkflowDataSchema } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../rateLimit/MemoryRateLimitStore';
import type { RateLimitDecision } from '../rateLimit/RateLimitStore';
import { webhookWorkflow } from '../triggers/triggerTestKit.test-helpers';
import { closeTestServers, createTestServer, type TestServer } from './testServer.test-helpers';

afterEach(closeTestServers);

/** Counters in memory that remember every key they were asked to count. */
class KeyRecordingStore extends MemoryRateLimitStore {
  readonly keys = new Set<string>();

  override consume(key: string, points: number, durationMs: number): Promise<RateLimitDecision> {
    this.keys.add(key);
    return super.consume(key, points, durationMs);
  }
}

/** Saves and activates `workflow_data`; returns the workflow id. */
async function activate(t: TestServer, workflow_data: WorkflowDataInput): Promise<string> {
  const saved = await t.request('POST', '/editor/save', { name: 'Hook', workflow_data });
  const id = saved.body.workflow_id as string;
  expect((await t.request('POST', `/workflows/${id}/activate`)).status).toBe(200);
  return id;
}

const hook = (t: TestServer, workflowId: string, clientIp = '203.0.113.7', path = '/orders') =>
  t.request('POST', `/webhooks/${workflowId}${path}`, {}, {}, { clientIp });

describe('webhook flood of unknown workflow ids', () => {
  it('answers 404 to ids that cannot be workflow ids, counting and looking up nothing', async () => {
    const limits = new KeyRecordingStore();
    const t = createTestServer({ rateLimitStore: limits });
    const pad = 'x'.repeat(4000);
    for (const id of [`${pad}1`, `${pad}2`, 'wf_<script>', 'wf_a%2Fb', 'wf.dot', 'x'.repeat(65)]) {
      const answer = await hook(t, id);
      expect(answer.status, id.slice(0, 20)).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
    expect([...limits.keys]).toEqual([]);
  });

  it('keeps one counter per caller IP, not one per made-up id', async () => {
    const limits = new KeyRecordingStore();
    const t = createTestServer({ rateLimitStore: limits });
    for (let index = 0; index < 200; index += 1) {
      expect((await hook(t, `wf_${index.toString(16).padStart(32, '0')}`)).status).toBe(404);
    }
    expect([...limits.keys]).toEqual(['webhook:ip:203.0.113.7']);
  });

  it('refuses a caller IP past rateLimit.webhookPerIp with 429, whatever ids it names', async () => {
    const t = createTestServer({ rateLimit: { webhookPerIp: '3/minute' } });
    const id = await activate(t, webhookWorkflow());
    expect((await hook(t, 'wf_unknown1')).status).toBe(404);
    expect((await hook(t, 'wf_unknown2')).status).toBe(404);
    expect((await hook(t, id)).status).toBe(202);
    const limited = await hook(t, id);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await hook(t, id, '198.51.100.1')).status).toBe(202);
  });

  it('counts the per-workflow limit only for an active workflow', async () => {
    const limits = new KeyRecordingStore();
    const t = createTestServer({ rateLimitStore: limits });
    const id = await activate(t, webhookWorkflow());
    expect((await hook(t, 'wf_unknown')).status).toBe(404);
    expect((await hook(t, id, undefined, '/elsewhere')).status).toBe(404);
    expect((await hook(t, id)).status).toBe(202);
    expect([...limits.keys].filter((key) => key.startsWith('webhook:workflow:'))).toEqual([
      `webhook:workflow:${id}`,
    ]);
  });

  it('refuses an unknown rateLimit name, and takes webhookPerIp', () => {
    expect(() => createTestServer({ rateLimit: { webhookPerIP: '1/minute' } as never })).toThrow(
      /Unknown route "webhookPerIP"/,
    );
    expect(() => createTestServer({ rateLimit: { webhookPerIp: '1/minute' } })).not.toThrow();
  });
});

describe('webhook of an active version that no longer validates', () => {
  it('answers 503 without the private issues, and logs them for the host', async () => {
    const t = createTestServer();
    const id = await activate(t, webhookWorkflow());
    // The active version moves to one that does not validate (a store edited by hand, a
    // component the host no longer registers): here, a step without its required url.
    const broken = await t.server.store.saveWorkflow({
      workflow_id: id,
      name: 'Hook',
      workflow_data: WorkflowDataSchema.parse({
        nodes: [
          { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/orders' } } },
          { id: 'secret_step_name', type: 'http_request', data: { parameters: {} } },
        ],
        edges: [{ id: 'e', source: 'hook', target: 'secret_step_name' }],
      }),
    });
    await t.server.store.activateWorkflow(id, broken.version);
    const answer = await hook(t, id);
    expect(answer.status).toBe(503);
    expect(answer.body.error).toEqual({
      code: 'WEBHOOK_UNAVAILABLE',
      message: 'This webhook cannot start a run right now',
      issues: [],
    });
    expect(JSON.stringify(answer.body)).not.toContain('secret_step_name');
    expect(t.logger.error).toHaveBeenCalledWith(
      expect.stringContaining('secret_step_name'),
      expect.objectContaining({ code: 'INVALID_WORKFLOW' }),
    );
    expect((await t.server.store.listInstances()).total).toBe(0);
  });
});
