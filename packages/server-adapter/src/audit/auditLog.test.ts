import { type AuditEntry, MemoryStore, type StoredAuditEntry } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticateHook, AuthorizeHook } from '../auth/authTypes';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import { TEST_CREDENTIALS_KEY } from '../http/credentialTestKit.test-helpers';
import {
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  type Json,
  logWorkflow,
  type TestServer,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import { webhookWorkflow } from '../triggers/triggerTestKit.test-helpers';

afterEach(closeTestServers);

/** The caller from `x-user-id`, in the tenant named by `x-tenant-id` if any. */
const authenticate: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user-id');
  const tenant = request.headers.get('x-tenant-id');
  return id ? { id, ...(tenant ? { tenant_id: tenant } : {}) } : null;
};

const ADA = { 'x-user-id': 'ada', 'x-tenant-id': 'acme' };
const CY = { 'x-user-id': 'cy', 'x-tenant-id': 'acme' };
const BOB = { 'x-user-id': 'bob', 'x-tenant-id': 'globex' };
const FROM = { clientIp: '203.0.113.7' };

function serve(options: WorkflowServerOptions = {}): TestServer {
  return createTestServer({ authenticate, credentialsKey: TEST_CREDENTIALS_KEY, ...options });
}

/** The audit log as `headers`' user reads it, with the query given. */
async function auditAs(t: TestServer, headers: Record<string, string>, query = '') {
  const response = await t.request('GET', `/audit${query}`, undefined, headers);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: StoredAuditEntry[]; next_cursor: string | null };
}

/** `[action, resource_id]` of each entry, oldest first. */
function actionsOf(page: { items: StoredAuditEntry[] }) {
  return page.items.map((entry) => [entry.action, entry.resource_id]).reverse();
}

/** A manual trigger → a wait for a resume request → a transform. */
function approvalWorkflow() {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' } } },
      { id: 'after', type: 'transform', data: { parameters: { mapping: { ok: true } } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'approve' },
      { id: 'e2', source: 'approve', target: 'after', sourceHandle: 'output' },
    ],
  };
}

async function waitForStatus(t: TestServer, id: string, status: string) {
  await vi.waitFor(
    async () => {
      const response = await t.request('GET', `/instances/${id}/status`, undefined, ADA);
      expect(response.body.status).toBe(status);
    },
    { timeout: 5000, interval: 5 },
  );
}

describe('the audit log', () => {
  it('records every action that changes what runs or who may run it, with who, where from and when', async () => {
    const t = serve();
    const call = (method: string, path: string, body?: unknown) =>
      t.request(method, path, body, ADA, FROM);
    const before = new Date().toISOString();

    const saved = await call('POST', '/editor/save', {
      name: 'Hook',
      workflow_data: webhookWorkflow(),
    });
    const workflowId: string = saved.body.workflow_id;
    expect((await call('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
    expect((await call('POST', `/workflows/${workflowId}/deactivate`)).status).toBe(200);
    const imported = await call('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'Imported',
      workflow_data: logWorkflow(),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);

    const slow = await createInstanceVia(t, delayWorkflow(), ADA);
    expect((await call('POST', `/instances/${slow.instance_id}/execute`, {})).status).toBe(202);
    expect((await call('POST', `/instances/${slow.instance_id}/stop`)).status).toBe(200);
    expect((await call('POST', `/instances/${slow.instance_id}/retry`)).status).toBe(202);
    expect((await call('POST', `/instances/${slow.instance_id}/stop`)).status).toBe(200);
    expect((await call('DELETE', `/instances/${slow.instance_id}`)).status).toBe(204);

    const approval = await createInstanceVia(t, approvalWorkflow(), ADA);
    expect((await call('POST', `/instances/${approval.instance_id}/execute`, {})).status).toBe(202);
    await waitForStatus(t, approval.instance_id, 'waiting');
    const resumed = await call('POST', `/instances/${approval.instance_id}/resume`, {
      step_id: 'approve',
      data: { approved: true },
    });
    expect(resumed.status).toBe(202);

    const created = await call('POST', '/credentials', {
      name: 'Key',
      type: 'bearer',
      data: { token: 'secret' },
    });
    const credentialId: string = created.body.credential_id;
    expect((await call('PUT', `/credentials/${credentialId}`, { name: 'Key 2' })).status).toBe(200);
    expect((await call('DELETE', `/credentials/${credentialId}`)).status).toBe(204);
    expect((await call('DELETE', `/workflows/${workflowId}`)).status).toBe(204);

    const log = await auditAs(t, ADA);
    expect(actionsOf(log)).toEqual([
      ['workflows:save', workflowId],
      ['workflows:activate', workflowId],
      ['workflows:deactivate', workflowId],
      ['workflows:import', imported.body.workflow_id],
      ['instances:execute', slow.instance_id],
      ['instances:stop', slow.instance_id],
      ['instances:retry', slow.instance_id],
      ['instances:stop', slow.instance_id],
      ['instances:delete', slow.instance_id],
      ['instances:execute', approval.instance_id],
      ['instances:resume', approval.instance_id],
      ['credentials:create', credentialId],
      ['credentials:update', credentialId],
      ['credentials:delete', credentialId],
      ['workflows:delete', workflowId],
    ]);
    for (const entry of log.items) {
      expect(entry).toEqual({
        audit_id: expect.any(String),
        at: expect.any(String),
        actor_id: 'ada',
        tenant_id: 'acme',
        action: entry.action,
        resource_type: entry.action.split(':')[0]!.replace(/s$/, ''),
        resource_id: entry.resource_id,
        ip: '203.0.113.7',
      });
      expect(entry.at >= before).toBe(true);
    }
  });

  it('records nothing for reads, refusals and failures', async () => {
    const t = serve();
    const instance = await createInstanceVia(t, logWorkflow(), ADA);
    await t.request('GET', `/instances/${instance.instance_id}`, undefined, ADA);
    await t.request('GET', '/editor/list', undefined, ADA);
    // Another tenant's run (403), a run that does not exist (404), a bad body (400), a stop of
    // a run that is not running (409).
    await t.request('POST', `/instances/${instance.instance_id}/execute`, {}, BOB);
    await t.request('POST', '/instances/inst_missing/execute', {}, ADA);
    await t.request('POST', '/editor/save', { name: '' }, ADA);
    await t.request('POST', `/instances/${instance.instance_id}/stop`, undefined, ADA);
    expect((await auditAs(t, ADA)).items).toEqual([]);
    expect((await auditAs(t, BOB)).items).toEqual([]);
  });

  it('records a null ip when the adapter gave no client address', async () => {
    const t = serve();
    await t.request('POST', '/editor/save', { name: 'W', workflow_data: logWorkflow() }, ADA);
    const [entry] = (await auditAs(t, ADA)).items;
    expect(entry!.ip).toBeNull();
  });

  it('filters by resource, actor and time, and pages newest first by cursor', async () => {
    const t = serve();
    const ids: string[] = [];
    for (const [index, who] of [ADA, CY, ADA, CY, ADA].entries()) {
      const saved = await t.request(
        'POST',
        '/editor/save',
        { name: `W${index}`, workflow_data: logWorkflow() },
        who,
      );
      ids.push(saved.body.workflow_id);
    }
    const whole = await auditAs(t, ADA);
    expect(whole.items.map((entry) => entry.resource_id)).toEqual([...ids].reverse());
    expect((await auditAs(t, ADA, `?resource_id=${ids[1]}`)).items.map((e) => e.actor_id)).toEqual([
      'cy',
    ]);
    expect((await auditAs(t, ADA, '?actor_id=cy')).items.map((e) => e.resource_id)).toEqual([
      ids[3],
      ids[1],
    ]);
    const [fourth, , second] = [whole.items[1]!, whole.items[2]!, whole.items[3]!];
    const between = await auditAs(
      t,
      ADA,
      `?after=${encodeURIComponent(second.at)}&before=${encodeURIComponent(fourth.at)}`,
    );
    expect(between.items.every((e) => e.at > second.at && e.at < fourth.at)).toBe(true);

    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = await auditAs(t, ADA, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(whole.items);
  });

  it('refuses an unknown query parameter, a bad time and a cursor it did not give', async () => {
    const t = serve();
    for (const query of ['?tenant_id=acme', '?after=yesterday', '?limit=0', '?cursor=nope']) {
      const response = await t.request('GET', `/audit${query}`, undefined, ADA);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it("shows each user their tenant's entries, and without a tenant their own", async () => {
    const t = serve();
    await t.request('POST', '/editor/save', { name: 'A', workflow_data: logWorkflow() }, ADA);
    await t.request('POST', '/editor/save', { name: 'C', workflow_data: logWorkflow() }, CY);
    await t.request('POST', '/editor/save', { name: 'B', workflow_data: logWorkflow() }, BOB);
    await t.request(
      'POST',
      '/editor/save',
      { name: 'D', workflow_data: logWorkflow() },
      { 'x-user-id': 'dee' },
    );
    const actors = async (headers: Record<string, string>) =>
      (await auditAs(t, headers)).items.map((entry) => entry.actor_id).sort();
    expect(await actors(ADA)).toEqual(['ada', 'cy']);
    expect(await actors(BOB)).toEqual(['bob']);
    expect(await actors({ 'x-user-id': 'dee' })).toEqual(['dee']);
  });

  it("asks a host's canAccess about each entry, as type audit", async () => {
    const canAccess = vi.fn((user: Json, resource: Json) =>
      user.id === 'auditor' ? true : resource.created_by === user.id,
    );
    const t = serve({ canAccess });
    await t.request('POST', '/editor/save', { name: 'A', workflow_data: logWorkflow() }, ADA);
    await t.request('POST', '/editor/save', { name: 'B', workflow_data: logWorkflow() }, BOB);
    canAccess.mockClear();
    const all = await auditAs(t, { 'x-user-id': 'auditor' });
    expect(all.items.map((entry) => entry.actor_id)).toEqual(['bob', 'ada']);
    expect(canAccess).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'auditor' }),
      expect.objectContaining({ type: 'audit', created_by: 'ada', tenant_id: 'acme' }),
    );
    expect((await auditAs(t, BOB)).items.map((entry) => entry.actor_id)).toEqual(['bob']);
    const first = await auditAs(t, { 'x-user-id': 'auditor' }, '?limit=1');
    expect(first.items.map((entry) => entry.actor_id)).toEqual(['bob']);
    const second = await auditAs(
      t,
      { 'x-user-id': 'auditor' },
      `?limit=1&cursor=${first.next_cursor}`,
    );
    expect(second.items.map((entry) => entry.actor_id)).toEqual(['ada']);
    expect(second.next_cursor).toBeNull();
  });

  it('asks authorize about audit:read, and answers 401 without a user', async () => {
    const authorize = vi.fn<AuthorizeHook>((_user, action) => action !== 'audit:read');
    const t = serve({ authorize });
    const refused = await t.request('GET', '/audit', undefined, ADA);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: audit:read');
    expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ id: 'ada' }), 'audit:read', {
      type: 'audit',
    });
    expect((await t.request('GET', '/audit')).status).toBe(401);
  });

  it('hands each stored entry to onAudit', async () => {
    const onAudit = vi.fn();
    const t = serve({ onAudit });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'W', workflow_data: logWorkflow() },
      ADA,
      FROM,
    );
    expect(onAudit).toHaveBeenCalledTimes(1);
    const [entry] = (await auditAs(t, ADA)).items;
    expect(onAudit).toHaveBeenCalledWith(entry);
    expect(entry).toMatchObject({ action: 'workflows:save', resource_id: saved.body.workflow_id });
  });

  it('logs an onAudit hook that throws or rejects, and answers the request as usual', async () => {
    const thrown = new Error('sink down');
    for (const onAudit of [
      () => {
        throw thrown;
      },
      async () => {
        throw thrown;
      },
    ]) {
      const t = serve({ onAudit });
      const saved = await t.request(
        'POST',
        '/editor/save',
        { name: 'W', workflow_data: logWorkflow() },
        ADA,
      );
      expect(saved.status).toBe(200);
      await vi.waitFor(() =>
        expect(t.logger.error).toHaveBeenCalledWith('[flowloom] The onAudit hook failed', thrown),
      );
      expect((await auditAs(t, ADA)).items).toHaveLength(1);
    }
  });

  it('logs a store that fails to record, answers the request, and still calls onAudit', async () => {
    const broken = new Error('disk full');
    class FailingAuditStore extends MemoryStore {
      override async appendAudit(): Promise<StoredAuditEntry> {
        throw broken;
      }
    }
    const onAudit = vi.fn<(entry: AuditEntry) => void>();
    const t = serve({ store: new FailingAuditStore(), onAudit });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'W', workflow_data: logWorkflow() },
      ADA,
    );
    expect(saved.status).toBe(200);
    expect(t.logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Storing the audit entry of workflows:save'),
      broken,
    );
    expect(onAudit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'workflows:save', actor_id: 'ada' }),
    );
  });

  it('records a run executed by a user, not the steps it runs', async () => {
    const t = serve();
    const instance = await createInstanceVia(t, logWorkflow(), ADA);
    await executeVia(t, instance.instance_id, {}, ADA);
    await waitForFinalStatus(t, instance.instance_id, ADA);
    expect(actionsOf(await auditAs(t, ADA))).toEqual([['instances:execute', instance.instance_id]]);
  });
});
