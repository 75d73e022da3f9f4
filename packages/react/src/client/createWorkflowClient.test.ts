// @vitest-environment node
import { MemoryStore } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowClient } from './clientTypes';
import { createWorkflowClient } from './createWorkflowClient';
import { closedOrigin, logWorkflow, startTestServer } from './workflowTestServer.test-helpers';

async function createInstance(client: WorkflowClient, delaysMs?: number[]): Promise<string> {
  const created = await client.createInstance({
    name: 'Test',
    workflow_data: logWorkflow(delaysMs),
  });
  if (!created.success) throw new Error(created.error.message);
  return created.data.instance_id;
}

async function waitForStatus(client: WorkflowClient, instanceId: string, status: string) {
  await vi.waitFor(
    async () => {
      const answer = await client.getStatus(instanceId);
      expect(answer.success && answer.data.status).toBe(status);
    },
    { timeout: 5_000, interval: 10 },
  );
}

describe('createWorkflowClient against a real server: components', () => {
  it('lists every registered component', async () => {
    const server = await startTestServer();
    const answer = await server.client().listComponents();
    expect(answer.success).toBe(true);
    if (!answer.success) return;
    expect(answer.data.components.map((component) => component.type)).toEqual(
      server.workflows.registry.getAllComponents().map((component) => component.type),
    );
  });

  it('reads one component, and answers an unknown type with 404 NOT_FOUND', async () => {
    const client = (await startTestServer()).client();
    const log = await client.getComponent('log');
    expect(log).toMatchObject({ success: true, data: { type: 'log', name: 'Log' } });
    const unknown = await client.getComponent('no_such_type');
    expect(unknown).toEqual({
      success: false,
      error: {
        code: 'NOT_FOUND',
        status: 404,
        message: 'Unknown component type "no_such_type"',
        issues: [],
      },
    });
  });
});

describe('createWorkflowClient against a real server: instances', () => {
  it('creates, reads and lists an instance', async () => {
    const client = (await startTestServer()).client();
    const created = await client.createInstance({ name: 'Demo', workflow_data: logWorkflow() });
    expect(created).toMatchObject({ success: true, data: { name: 'Demo', status: 'pending' } });
    if (!created.success) return;
    const id = created.data.instance_id;
    expect(await client.getInstance(id)).toEqual({ success: true, data: created.data });
    const listed = await client.listInstances({ status: 'pending', limit: 10 });
    expect(listed).toMatchObject({ success: true, data: { total: 1 } });
    expect(listed.success && listed.data.instances[0]?.instance_id).toBe(id);
    const none = await client.listInstances({ status: 'completed' });
    expect(none).toEqual({ success: true, data: { instances: [], total: 0, next_cursor: null } });
  });

  it('answers an invalid workflow with 400 INVALID_WORKFLOW and its issues', async () => {
    const client = (await startTestServer()).client();
    const answer = await client.createInstance({
      name: 'Broken',
      workflow_data: { nodes: [{ id: 'a', type: 'no_such_type' }], edges: [] },
    });
    expect(answer.success).toBe(false);
    if (answer.success) return;
    expect(answer.error).toMatchObject({ code: 'INVALID_WORKFLOW', status: 400 });
    expect(answer.error.issues?.length).toBeGreaterThan(0);
    expect(answer.error.issues?.[0]?.path).toMatch(/^workflow_data/);
  });

  it('answers a bad query with 400 VALIDATION_FAILED naming the parameter', async () => {
    const client = (await startTestServer()).client();
    const answer = await client.listInstances({ limit: 0 });
    expect(answer).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_FAILED', status: 400, issues: [{ path: 'limit' }] },
    });
  });

  it('answers an unknown instance with 404 NOT_FOUND on every instance route', async () => {
    const client = (await startTestServer()).client();
    const answers = await Promise.all([
      client.getInstance('missing'),
      client.executeInstance('missing'),
      client.stopInstance('missing'),
      client.getStatus('missing'),
      client.getLogs('missing'),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        success: false,
        error: { code: 'NOT_FOUND', status: 404, message: 'Instance "missing" does not exist' },
      });
    }
  });

  it('executes an instance (202), then reads its status and its logs, since a seq too', async () => {
    const client = (await startTestServer()).client();
    const id = await createInstance(client);
    const executed = await client.executeInstance(id, { order: 7 });
    expect(executed).toEqual({ success: true, data: { instance_id: id, status: 'running' } });
    await waitForStatus(client, id, 'completed');
    const status = await client.getStatus(id);
    expect(status).toMatchObject({ success: true, data: { progress: { completed: 4, total: 4 } } });
    const logs = await client.getLogs(id);
    expect(logs.success && logs.data.logs.map((log) => log.message)).toEqual([
      'first line',
      'second line',
    ]);
    const firstSeq = logs.success ? logs.data.logs[0]!.seq : 0;
    const later = await client.getLogs(id, { since: firstSeq });
    expect(later.success && later.data.logs.map((log) => log.message)).toEqual(['second line']);
  });

  it('answers executing a running instance with 409 CONFLICT, and stops it', async () => {
    const client = (await startTestServer()).client();
    const id = await createInstance(client, [5_000]);
    expect((await client.executeInstance(id)).success).toBe(true);
    const again = await client.executeInstance(id);
    expect(again).toMatchObject({
      success: false,
      error: { code: 'CONFLICT', status: 409, message: `Instance "${id}" is already running` },
    });
    const stopped = await client.stopInstance(id);
    expect(stopped).toMatchObject({
      success: true,
      data: { instance_id: id, status: 'cancelled' },
    });
    const stoppedAgain = await client.stopInstance(id);
    expect(stoppedAgain).toMatchObject({
      success: false,
      error: { code: 'CONFLICT', status: 409 },
    });
  });
});

describe('createWorkflowClient against a real server: editor', () => {
  it('saves, saves again as version 2, loads and lists a workflow', async () => {
    const client = (await startTestServer()).client();
    const saved = await client.saveWorkflow({ name: 'Mine', workflow_data: logWorkflow() });
    expect(saved).toMatchObject({
      success: true,
      data: { name: 'Mine', version: 1, validation: { valid: true, errors: [] } },
    });
    if (!saved.success) return;
    const id = saved.data.workflow_id;
    const resaved = await client.saveWorkflow({
      workflow_id: id,
      name: 'Mine, renamed',
      workflow_data: logWorkflow([10, 10]),
    });
    expect(resaved).toMatchObject({ success: true, data: { workflow_id: id, version: 2 } });
    const loaded = await client.loadWorkflow(id);
    expect(loaded).toMatchObject({ success: true, data: { name: 'Mine, renamed', version: 2 } });
    expect(loaded.success && loaded.data.workflow_data.nodes).toHaveLength(6);
    const listed = await client.listWorkflows();
    expect(listed).toMatchObject({ success: true, data: { total: 1 } });
    expect(listed.success && listed.data.workflows[0]).toMatchObject({
      workflow_id: id,
      version: 2,
    });
  });

  it('saves a draft that fails validation and returns its problems', async () => {
    const client = (await startTestServer()).client();
    const saved = await client.saveWorkflow({
      name: 'Draft',
      workflow_data: { nodes: [{ id: 'a', type: 'no_such_type' }], edges: [] },
    });
    expect(saved).toMatchObject({
      success: true,
      data: { version: 1, validation: { valid: false } },
    });
    expect(saved.success && saved.data.validation.errors.length).toBeGreaterThan(0);
  });

  it('answers a malformed save with 400 and every issue, and an unknown workflow with 404', async () => {
    const client = (await startTestServer()).client();
    const invalid = await client.saveWorkflow({ name: '', workflow_data: logWorkflow() });
    expect(invalid).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_FAILED', status: 400, issues: [{ path: 'name' }] },
    });
    const missing = await client.loadWorkflow('wf_missing');
    expect(missing).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND', status: 404, message: 'Workflow "wf_missing" does not exist' },
    });
  });
});

describe('createWorkflowClient against a real server: refusals and failures', () => {
  it('sends the token of getToken as a bearer, and answers its absence with 401', async () => {
    const server = await startTestServer({
      authenticate: (request) => {
        const token = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
        return token === 'secret' ? { id: 'ada' } : null;
      },
    });
    const anonymous = await server.client().listWorkflows();
    expect(anonymous).toMatchObject({
      success: false,
      error: { code: 'UNAUTHENTICATED', status: 401 },
    });
    const signedIn = await server.client({ getToken: async () => 'secret' }).listWorkflows();
    expect(signedIn).toEqual({ success: true, data: { workflows: [], total: 0 } });
  });

  it('sends the headers option, given as an object or as an async function', async () => {
    const seen: Array<string | null> = [];
    const server = await startTestServer({
      authenticate: (request) => {
        seen.push(request.headers.get('x-tenant'));
        return { id: 'ada' };
      },
    });
    await server.client({ headers: { 'x-tenant': 'acme' } }).listComponents();
    await server.client({ headers: async () => ({ 'x-tenant': 'globex' }) }).listComponents();
    expect(seen).toEqual(['acme', 'globex']);
  });

  it('answers a refused action with 403 FORBIDDEN', async () => {
    const server = await startTestServer({
      authorize: (_user, action) => action !== 'instances:execute',
    });
    const client = server.client();
    const id = await createInstance(client);
    const answer = await client.executeInstance(id);
    expect(answer).toMatchObject({ success: false, error: { code: 'FORBIDDEN', status: 403 } });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const client = (await startTestServer({ bodyLimit: 200 })).client();
    const answer = await client.saveWorkflow({ name: 'Big', workflow_data: logWorkflow([1, 2]) });
    expect(answer).toMatchObject({
      success: false,
      error: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
    });
  });

  it('answers requests over the rate limit with 429 RATE_LIMITED', async () => {
    const client = (await startTestServer({ rateLimit: { list: '1/minute' } })).client();
    expect((await client.listWorkflows()).success).toBe(true);
    const answer = await client.listWorkflows();
    expect(answer).toMatchObject({ success: false, error: { code: 'RATE_LIMITED', status: 429 } });
  });

  it('answers a failing store with 500 INTERNAL_ERROR and a generic message', async () => {
    class BrokenStore extends MemoryStore {
      override async listWorkflows(): Promise<never> {
        throw new Error('the disk is on fire');
      }
    }
    const client = (await startTestServer({ store: new BrokenStore() }, 1)).client();
    const answer = await client.listWorkflows();
    expect(answer).toEqual({
      success: false,
      error: { code: 'INTERNAL_ERROR', status: 500, message: 'Internal server error', issues: [] },
    });
  });

  it('resolves to NETWORK_ERROR with status 0 when nothing listens, for every method', async () => {
    const client = createWorkflowClient({ baseUrl: `${await closedOrigin()}/api/workflow` });
    const answers = await Promise.all([
      client.listComponents(),
      client.createInstance({ name: 'x', workflow_data: logWorkflow() }),
      client.saveWorkflow({ name: 'x', workflow_data: logWorkflow() }),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ success: false, error: { code: 'NETWORK_ERROR', status: 0 } });
      expect(answer.success || answer.error.message).toMatch(/ECONNREFUSED|fetch failed/);
    }
  });
});
