import { InstanceSummarySchema, isAfterCursor, type WorkflowInstance } from '@flowloom/core';
import { sampleInstance, sampleWorkflow } from '@flowloom/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticateHook, AuthorizeHook, CanAccessHook } from '../auth/authTypes';
import { SqliteStore } from '../stores/SqliteStore';
import {
  asUser,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  headerAuthenticate,
  type Json,
  logWorkflow,
  type TestServer,
  waitForFinalStatus,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const ADA = asUser('ada');
const BOB = asUser('bob');

/** Users by id; `eve` is of another tenant than Ada and Bob. */
const TENANTS: Record<string, string> = { ada: 'acme', bob: 'acme', eve: 'globex' };
const teamAuthenticate: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user-id');
  return id ? { id, tenant_id: TENANTS[id] } : null;
};

/** The ids of a list answer, in order. */
const idsOf = (body: Json): string[] => body.instances.map((i: Json) => i.instance_id);

/** `2026-01-01T00:00:SS.000Z`. */
const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

/** Stores runs straight in the store: statuses, workflows, triggers and parents to filter on. */
async function storeHistory(t: TestServer, owner = 'anonymous', tenant: string | null = null) {
  const runs: Array<Partial<WorkflowInstance> & { id: string }> = [
    { id: 'a1', workflow_id: 'wa', status: 'completed' },
    { id: 'a2', workflow_id: 'wa', status: 'failed' },
    { id: 'b1', workflow_id: 'wb', status: 'cancelled' },
    {
      id: 'a3',
      workflow_id: 'wa',
      status: 'completed',
      trigger: { type: 'schedule', step_id: 's' },
    },
    { id: 'kid', status: 'completed', parent_instance_id: 'a3', parent_step_id: 'call' },
  ];
  for (const [index, { id, ...fields }] of runs.entries()) {
    await t.server.store.createInstance(
      sampleInstance(id, {
        created_at: at(index + 1),
        created_by: owner,
        tenant_id: tenant,
        ...fields,
      }),
    );
  }
}

describe('GET /instances (run history)', () => {
  it('answers summaries only: no document, input or output', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow(), {}, 'Greeting');
    await executeVia(t, instance.instance_id, { who: 'Ada' });
    await waitForFinalStatus(t, instance.instance_id);
    const response = await t.request('GET', '/instances');
    expect(response.status).toBe(200);
    const [summary] = response.body.instances;
    expect(InstanceSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      instance_id: instance.instance_id,
      name: 'Greeting',
      status: 'completed',
      workflow_version: null,
      progress: { completed: 2, total: 2 },
      duration_ms: expect.any(Number),
    });
    expect(JSON.stringify(response.body)).not.toContain('Ada');
  });

  it('stays small for 200 runs of 1 MB documents', async () => {
    const t = createTestServer();
    const big = sampleWorkflow();
    big.nodes[0]!.data.parameters = { note: 'x'.repeat(1_000_000) };
    for (let index = 0; index < 200; index += 1) {
      await t.server.store.createInstance(
        sampleInstance(`run${index}`, { workflow_data: big, created_by: 'anonymous' }),
      );
    }
    const response = await t.server.fetch(
      new Request('http://test/api/workflow/instances?limit=200'),
    );
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).instances).toHaveLength(200);
    expect(new TextEncoder().encode(text).byteLength).toBeLessThan(100_000);
  });

  it('filters by workflow, several statuses, time, trigger type and parent run', async () => {
    const t = createTestServer();
    await storeHistory(t);
    const list = async (query: string) => (await t.request('GET', `/instances?${query}`)).body;
    expect(idsOf(await list(''))).toEqual(['kid', 'a3', 'b1', 'a2', 'a1']);
    expect(await list('workflow_id=wa')).toMatchObject({ total: 3 });
    expect(idsOf(await list('status=failed,cancelled'))).toEqual(['b1', 'a2']);
    expect(idsOf(await list('workflow_id=wa&status=completed'))).toEqual(['a3', 'a1']);
    expect(idsOf(await list(`created_after=${at(3)}`))).toEqual(['kid', 'a3']);
    expect(
      idsOf(await list(`created_before=${encodeURIComponent('2026-01-01T01:00:02+01:00')}`)),
    ).toEqual(['a1']);
    expect(idsOf(await list('trigger_type=schedule'))).toEqual(['a3']);
    expect(idsOf(await list('parent_instance_id=a3'))).toEqual(['kid']);
    expect(await list('workflow_id=none')).toEqual({ instances: [], total: 0, next_cursor: null });
  });

  it('pages by cursor without duplicates or gaps while runs are created between pages', async () => {
    const t = createTestServer({ store: new SqliteStore(':memory:') });
    await storeHistory(t);
    const seen: string[] = [];
    let query = '/instances?limit=2';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await t.request('GET', query);
      expect(body.total).toBe(5 + page);
      seen.push(...idsOf(body));
      await createInstanceVia(t, logWorkflow(), {}, `New ${page}`);
      if (body.next_cursor === null) break;
      query = `/instances?limit=2&cursor=${encodeURIComponent(body.next_cursor)}`;
    }
    expect(seen).toEqual(['kid', 'a3', 'b1', 'a2', 'a1']);
  });

  it('pages by offset too, and ignores the offset beside a cursor', async () => {
    const t = createTestServer();
    await storeHistory(t);
    const first = (await t.request('GET', '/instances?limit=2&offset=1')).body;
    expect(idsOf(first)).toEqual(['a3', 'b1']);
    const next = await t.request('GET', `/instances?limit=2&offset=4&cursor=${first.next_cursor}`);
    expect(idsOf(next.body)).toEqual(['a2', 'a1']);
    expect(next.body.next_cursor).toBeNull();
  });

  it('answers 400 naming every bad filter', async () => {
    const t = createTestServer();
    const response = await t.request(
      'GET',
      '/instances?status=failed,sleeping&limit=201&created_after=yesterday&created_before=2026-02-30T00:00:00Z&cursor=nope',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((issue: Json) => issue.path);
    expect(paths.sort()).toEqual(['created_after', 'created_before', 'limit', 'status']);
    const cursor = await t.request('GET', '/instances?cursor=nope');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.issues).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('answers 401 without a user and 403 when authorize refuses instances:list', async () => {
    const authorize = vi.fn<AuthorizeHook>((_user, action) => action !== 'instances:list');
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    expect((await t.request('GET', '/instances?workflow_id=w')).status).toBe(401);
    const refused = await t.request('GET', '/instances?workflow_id=w', undefined, ADA);
    expect(refused.status).toBe(403);
  });

  it("never lists another tenant's runs, whatever the filters", async () => {
    const t = createTestServer({ authenticate: teamAuthenticate });
    await storeHistory(t, 'ada', 'acme');
    const eve = asUser('eve');
    for (const query of ['', 'workflow_id=wa', 'status=completed', 'parent_instance_id=a3']) {
      const response = await t.request('GET', `/instances?${query}`, undefined, eve);
      expect(response.body, query).toEqual({ instances: [], total: 0, next_cursor: null });
    }
    const bob = await t.request('GET', '/instances?workflow_id=wa', undefined, BOB);
    expect(bob.body.total).toBe(3);
  });

  it('pages by cursor under a custom canAccess, filtering run by run', async () => {
    const canAccess: CanAccessHook = (user, resource) => resource.created_by === user.id;
    const t = createTestServer({ authenticate: headerAuthenticate, canAccess });
    for (let index = 0; index < 9; index += 1) {
      await t.server.store.createInstance(
        sampleInstance(`r${index}`, {
          created_at: at(index % 3),
          created_by: index % 3 === 0 ? 'bob' : 'ada',
        }),
      );
    }
    const expected = (
      await t.server.store.listInstanceSummaries({ created_by: 'ada' })
    ).instances.map((summary) => summary.instance_id);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await t.request('GET', `/instances?limit=4${cursor}`, undefined, ADA);
      expect(body.total).toBe(6);
      seen.push(...idsOf(body));
      if (body.next_cursor === null) break;
      cursor = `&cursor=${body.next_cursor}`;
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(6);
  });
});

describe('DELETE /instances/{instance_id}', () => {
  it('answers 204 and removes the run with its events and logs', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    await executeVia(t, instance.instance_id, { who: 'Ada' });
    await waitForFinalStatus(t, instance.instance_id);
    expect(await t.server.store.listEvents(instance.instance_id)).not.toEqual([]);
    const response = await t.request('DELETE', `/instances/${instance.instance_id}`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect((await t.request('GET', `/instances/${instance.instance_id}`)).status).toBe(404);
    expect(await t.server.store.listEvents(instance.instance_id)).toEqual([]);
    expect(await t.server.store.listLogs(instance.instance_id)).toEqual([]);
    expect((await t.request('GET', '/instances')).body.total).toBe(0);
  });

  it('deletes a run that never ran', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    expect((await t.request('DELETE', `/instances/${instance.instance_id}`)).status).toBe(204);
  });

  it('answers 409 for a running run and leaves it running', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, instance.instance_id);
    const response = await t.request('DELETE', `/instances/${instance.instance_id}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect(t.server.engine.isRunning(instance.instance_id)).toBe(true);
    await t.request('POST', `/instances/${instance.instance_id}/stop`);
    expect((await t.request('DELETE', `/instances/${instance.instance_id}`)).status).toBe(204);
  });

  it.each(['running', 'interrupted'] as const)(
    'answers 409 for a run another process left %s',
    async (status) => {
      const t = createTestServer({ resumeOnStart: false });
      await t.server.store.createInstance(
        sampleInstance('orphan', { status, created_by: 'anonymous' }),
      );
      const response = await t.request('DELETE', '/instances/orphan');
      expect(response.status).toBe(409);
      expect(await t.server.store.getInstance('orphan')).toMatchObject({ status });
    },
  );

  it.each(['running', 'waiting', 'interrupted'] as const)(
    'answers 409 for a finished child run whose parent is still %s, and keeps it',
    async (status) => {
      const t = createTestServer({ resumeOnStart: false });
      const owned = { created_by: 'anonymous' };
      await t.server.store.createInstance(sampleInstance('parent', { status, ...owned }));
      await t.server.store.createInstance(
        sampleInstance('child', {
          status: 'completed',
          parent_instance_id: 'parent',
          parent_step_id: 'sub',
          ...owned,
        }),
      );
      const response = await t.request('DELETE', '/instances/child');
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`still ${status}`),
      });
      expect(await t.server.store.getInstance('child')).not.toBeNull();
      await t.server.store.updateInstance('parent', { status: 'completed' });
      expect((await t.request('DELETE', '/instances/child')).status).toBe(204);
    },
  );

  it('deletes a child run whose parent run is gone', async () => {
    const t = createTestServer();
    await t.server.store.createInstance(
      sampleInstance('child', {
        status: 'completed',
        parent_instance_id: 'deleted-before',
        created_by: 'anonymous',
      }),
    );
    expect((await t.request('DELETE', '/instances/child')).status).toBe(204);
  });

  it('answers 404 for an unknown run', async () => {
    const t = createTestServer();
    const response = await t.request('DELETE', '/instances/inst_nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it("answers 401 without a user, and 403 for another user's run or when authorize refuses", async () => {
    const authorize = vi.fn<AuthorizeHook>(() => true);
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    const instance = await createInstanceVia(t, logWorkflow(), ADA);
    const path = `/instances/${instance.instance_id}`;
    expect((await t.request('DELETE', path)).status).toBe(401);
    expect((await t.request('DELETE', path, undefined, BOB)).status).toBe(403);
    authorize.mockImplementation((_user, action) => action !== 'instances:delete');
    expect((await t.request('DELETE', path, undefined, ADA)).status).toBe(403);
    expect(authorize).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'instances:delete',
      expect.objectContaining({ type: 'instance', id: instance.instance_id, created_by: 'ada' }),
    );
    expect((await t.request('GET', path, undefined, ADA)).status).toBe(200);
  });

  it('is limited under its own route name', async () => {
    const t = createTestServer({ rateLimit: { deleteInstance: '1/minute' } });
    const first = await createInstanceVia(t, logWorkflow());
    const second = await createInstanceVia(t, logWorkflow());
    expect((await t.request('DELETE', `/instances/${first.instance_id}`)).status).toBe(204);
    expect((await t.request('DELETE', `/instances/${second.instance_id}`)).status).toBe(429);
    expect((await t.request('GET', '/instances')).status).toBe(200);
  });
});

describe('newest first', () => {
  it('orders runs of the same millisecond by id, as the cursor does', async () => {
    const t = createTestServer();
    for (const id of ['m', 'z', 'a']) {
      await t.server.store.createInstance(
        sampleInstance(id, { created_at: at(1), created_by: 'anonymous' }),
      );
    }
    const ids = idsOf((await t.request('GET', '/instances')).body);
    expect(ids).toEqual(['z', 'm', 'a']);
    const position = (id: string) => ({ created_at: at(1), instance_id: id });
    expect(isAfterCursor(position('m'), position('z'))).toBe(true);
  });
});
