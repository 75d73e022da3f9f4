import { isAfterCursor, type WorkflowInstance } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import { SMTP_CREDENTIAL, TEST_CREDENTIALS_KEY } from '../http/credentialTestKit.test-helpers';
import {
  apiRoutesOf,
  BASE_PATH,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  type Json,
  logWorkflow,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import type { AuthenticateHook, CanAccessHook } from './authTypes';
import { recordRoutesAs } from './recordRoutes.test-helpers';

afterEach(closeTestServers);

/** Users from `x-user-id`, with `x-tenant-id` and `x-role` when sent. */
const teamAuthenticate: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user-id');
  if (!id) return null;
  const tenant = request.headers.get('x-tenant-id');
  const role = request.headers.get('x-role');
  return { id, ...(tenant ? { tenant_id: tenant } : {}), ...(role ? { role } : {}) };
};

/** Ada and Bob work at Acme; Eve at Globex; Carl belongs to no team; Root is an admin at Globex. */
const ADA = { 'x-user-id': 'ada', 'x-tenant-id': 'acme' };
const BOB = { 'x-user-id': 'bob', 'x-tenant-id': 'acme' };
const EVE = { 'x-user-id': 'eve', 'x-tenant-id': 'globex' };
const CARL = { 'x-user-id': 'carl' };
/** Another tenant's user who happens to have Ada's id: user ids are often unique per tenant only. */
const ADA_OF_GLOBEX = { 'x-user-id': 'ada', 'x-tenant-id': 'globex' };
const ROOT = { 'x-user-id': 'root', 'x-tenant-id': 'globex', 'x-role': 'admin' };

function teamServer(options: WorkflowServerOptions = {}) {
  return createTestServer({
    authenticate: teamAuthenticate,
    credentialsKey: TEST_CREDENTIALS_KEY,
    ...options,
  });
}

type TeamServer = ReturnType<typeof teamServer>;

/** Ada's records: a saved workflow, a pending and a running instance, a credential. */
async function adasRecords(t: TeamServer) {
  const saved = await t.request(
    'POST',
    '/editor/save',
    { name: 'Acme flow', workflow_data: logWorkflow() },
    ADA,
  );
  const pending = await createInstanceVia(t, logWorkflow(), ADA, 'Acme pending');
  const running = await createInstanceVia(t, delayWorkflow(), ADA, 'Acme running');
  await executeVia(t, running.instance_id, {}, ADA);
  const credential = await t.request('POST', '/credentials', SMTP_CREDENTIAL, ADA);
  return {
    workflowId: saved.body.workflow_id as string,
    credentialId: credential.body.credential_id as string,
    pending,
    running,
  };
}

/** Asks the WebSocket hub whether a user may subscribe to an instance. */
async function subscribe(t: TeamServer, instanceId: string, headers: Record<string, string>) {
  const decision = await t.server.hub.authorizeUpgrade(
    new Request(`http://127.0.0.1${BASE_PATH}/ws/${instanceId}`, { headers }),
  );
  return decision.ok ? 101 : decision.status;
}

const ids = (list: Json[], key: string) => list.map((item) => item[key] as string).sort();

describe('teams (tenant_id), default rule', () => {
  it('records the creator’s tenant on what they create', async () => {
    const t = teamServer();
    const { workflowId, pending, credentialId } = await adasRecords(t);
    expect(pending.tenant_id).toBe('acme');
    expect((await t.server.store.loadWorkflow(workflowId))?.tenant_id).toBe('acme');
    expect((await t.server.store.getCredential(credentialId))?.tenant_id).toBe('acme');
    const carls = await createInstanceVia(t, logWorkflow(), CARL);
    expect(carls.tenant_id).toBeNull();
  });

  it('lets a teammate read, load, save, run, stop and subscribe to what another created', async () => {
    const t = teamServer();
    const { workflowId, pending, running, credentialId } = await adasRecords(t);
    expect((await t.request('GET', `/editor/load/${workflowId}`, undefined, BOB)).status).toBe(200);
    const resaved = await t.request(
      'POST',
      '/editor/save',
      { workflow_id: workflowId, name: 'Acme flow v2', workflow_data: logWorkflow() },
      BOB,
    );
    expect(resaved.body).toMatchObject({ version: 2, name: 'Acme flow v2' });
    expect(await t.server.store.loadWorkflow(workflowId)).toMatchObject({
      created_by: 'ada',
      tenant_id: 'acme',
    });
    const fromSaved = await t.request(
      'POST',
      '/instances',
      { name: 'From Ada’s', workflow_id: workflowId },
      BOB,
    );
    expect(fromSaved.status).toBe(201);
    for (const path of ['', '/status', '/logs']) {
      const read = await t.request(
        'GET',
        `/instances/${pending.instance_id}${path}`,
        undefined,
        BOB,
      );
      expect(read.status, path).toBe(200);
    }
    await executeVia(t, pending.instance_id, { who: 'Bob' }, BOB);
    expect((await waitForFinalStatus(t, pending.instance_id, BOB)).status).toBe('completed');
    expect(await subscribe(t, running.instance_id, BOB)).toBe(101);
    const stopped = await t.request(
      'POST',
      `/instances/${running.instance_id}/stop`,
      undefined,
      BOB,
    );
    expect(stopped.status).toBe(200);
    const credential = await t.request('GET', `/credentials/${credentialId}`, undefined, BOB);
    expect(credential.status).toBe(200);
  });

  it('lists the team’s workflows, runs and credentials to every member, totals included', async () => {
    const t = teamServer();
    const { workflowId, pending, running, credentialId } = await adasRecords(t);
    const bobs = await createInstanceVia(t, logWorkflow(), BOB, 'Bob’s');
    await createInstanceVia(t, logWorkflow(), EVE, 'Eve’s');
    await createInstanceVia(t, logWorkflow(), CARL, 'Carl’s');
    const teamInstances = [pending.instance_id, running.instance_id, bobs.instance_id].sort();
    for (const user of [ADA, BOB]) {
      const instances = await t.request('GET', '/instances', undefined, user);
      expect(instances.body.total).toBe(3);
      expect(ids(instances.body.instances, 'instance_id')).toEqual(teamInstances);
      const workflows = await t.request('GET', '/editor/list', undefined, user);
      expect(workflows.body).toMatchObject({ total: 1, workflows: [{ workflow_id: workflowId }] });
      const credentials = await t.request('GET', '/credentials', undefined, user);
      expect(credentials.body).toMatchObject({
        total: 1,
        credentials: [{ credential_id: credentialId }],
      });
    }
    await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA);
  });

  it('pages a team list in the store, with the total of the whole list', async () => {
    const t = teamServer();
    const created: WorkflowInstance[] = [];
    for (const [index, user] of [ADA, EVE, BOB, CARL, ADA, BOB, EVE, ADA].entries()) {
      created.push(await createInstanceVia(t, logWorkflow(), user, `Run ${index}`));
    }
    // Newest first; runs created in the same millisecond by id, as the list orders them.
    const acme = created
      .filter((instance) => instance.tenant_id === 'acme')
      .sort((a, b) => (isAfterCursor(a, b) ? 1 : -1));
    const listSpy = vi.spyOn(t.server.store, 'listInstanceSummaries');
    const page = await t.request('GET', '/instances?limit=2&offset=2', undefined, BOB);
    expect(page.body.total).toBe(5);
    expect(page.body.instances.map((i: Json) => i.instance_id)).toEqual(
      acme.slice(2, 4).map((instance) => instance.instance_id),
    );
    // One query with the access filter: no page was read and filtered afterwards.
    expect(listSpy).toHaveBeenCalledTimes(1);
    expect(listSpy.mock.calls[0]![0]).toMatchObject({
      access: { user_id: 'bob', tenant_id: 'acme' },
      limit: 2,
      offset: 2,
    });
  });

  it('refuses every route, list and WebSocket to a user of another tenant (whatever their id) or of none', async () => {
    for (const outsider of [EVE, CARL, ADA_OF_GLOBEX]) {
      const t = teamServer();
      const { workflowId, credentialId, pending, running } = await adasRecords(t);
      const asOutsider = recordRoutesAs(
        t,
        { workflowId, credentialId, pending, running },
        outsider,
      );
      const lists: Record<string, string> = {
        'GET /instances': 'instances',
        'GET /editor/list': 'workflows',
        'GET /credentials': 'credentials',
      };
      const reachNoRecord = new Set([
        'GET /components',
        'GET /components/:component_type',
        'GET /openapi.json',
        'GET /asyncapi.json',
        'POST /credentials',
        'POST /workflows/import',
        // A list: checked below.
        'GET /audit',
      ]);
      const routes = apiRoutesOf(t.server).map(({ method, path }) => `${method} ${path}`);
      expect(
        routes.filter(
          (route) => !(route in asOutsider) && !(route in lists) && !reachNoRecord.has(route),
        ),
      ).toEqual([]);

      for (const [route, send] of Object.entries(asOutsider)) {
        const response = await send();
        expect(response.status, route).toBe(403);
        expect(response.body.error.code, route).toBe('FORBIDDEN');
      }
      for (const [route, key] of Object.entries(lists)) {
        const response = await t.request('GET', route.slice(4), undefined, outsider);
        expect(response.body, route).toMatchObject({ [key]: [], total: 0 });
      }
      const audit = await t.request('GET', '/audit', undefined, outsider);
      expect(audit.body).toEqual({ items: [], next_cursor: null });
      expect(await subscribe(t, running.instance_id, outsider)).toBe(403);

      // Nothing of Acme's changed.
      expect((await t.server.store.getInstance(pending.instance_id))?.status).toBe('pending');
      expect(t.server.engine.isRunning(running.instance_id)).toBe(true);
      expect((await t.server.store.loadWorkflow(workflowId))?.version).toBe(1);
      expect((await t.server.store.getCredential(credentialId))?.name).toBe(SMTP_CREDENTIAL.name);
      await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA);
    }
  });
});

describe('teams, a custom canAccess', () => {
  /** Admins reach everything; everyone else only what they created (no team sharing). */
  const adminsOrOwners: CanAccessHook = (user, resource) =>
    user.role === 'admin' || resource.created_by === user.id;

  it('grants what the default rule refuses and refuses what it grants', async () => {
    const canAccess = vi.fn(adminsOrOwners);
    const t = teamServer({ canAccess });
    const { pending, running, credentialId } = await adasRecords(t);
    expect(
      (await t.request('GET', `/instances/${pending.instance_id}`, undefined, ROOT)).status,
    ).toBe(200);
    expect(canAccess).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'root' }), {
      type: 'instance',
      id: pending.instance_id,
      created_by: 'ada',
      tenant_id: 'acme',
    });
    expect(
      (await t.request('GET', `/instances/${pending.instance_id}`, undefined, BOB)).status,
    ).toBe(403);
    expect((await t.request('GET', `/credentials/${credentialId}`, undefined, ROOT)).status).toBe(
      200,
    );
    expect((await t.request('GET', `/credentials/${credentialId}`, undefined, BOB)).status).toBe(
      403,
    );
    expect(await subscribe(t, running.instance_id, ROOT)).toBe(101);
    expect(await subscribe(t, running.instance_id, BOB)).toBe(403);
    const rootsList = await t.request('GET', '/instances', undefined, ROOT);
    expect(rootsList.body.total).toBe(2);
    expect((await t.request('GET', '/instances', undefined, BOB)).body).toEqual({
      instances: [],
      total: 0,
      next_cursor: null,
    });
    await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA);
  });

  it('still lets authorize refuse what canAccess grants', async () => {
    const t = teamServer({
      canAccess: () => true,
      authorize: (user, action) => !(user.id === 'eve' && action === 'instances:execute'),
    });
    const { pending, running } = await adasRecords(t);
    const read = await t.request('GET', `/instances/${pending.instance_id}`, undefined, EVE);
    expect(read.status).toBe(200);
    const refused = await t.request('POST', `/instances/${pending.instance_id}/execute`, {}, EVE);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: instances:execute');
    await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA);
  });

  it('pages a list filtered record by record, across store batches, with the right total', async () => {
    const t = teamServer({ canAccess: adminsOrOwners });
    // 450 runs, every other one Ada's: more than two batches of the store's pages.
    for (let index = 0; index < 450; index += 1) {
      await t.server.store.createInstance({
        instance_id: `run_${String(index).padStart(3, '0')}`,
        workflow_id: null,
        name: `Run ${index}`,
        status: 'completed',
        workflow_data: { nodes: [], edges: [] },
        input_data: null,
        created_by: index % 2 === 0 ? 'ada' : 'bob',
        tenant_id: 'acme',
        created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
        updated_at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
        started_at: null,
        finished_at: null,
        error: null,
        workflow_version: null,
        trigger: null,
        parent_instance_id: null,
        parent_step_id: null,
        root_instance_id: `run_${String(index).padStart(3, '0')}`,
        progress: null,
      });
    }
    const adas = Array.from(
      { length: 225 },
      (_, n) => `run_${String(448 - 2 * n).padStart(3, '0')}`,
    );
    const page = await t.request('GET', '/instances?limit=50&offset=190', undefined, ADA);
    expect(page.body.total).toBe(225);
    expect(page.body.instances.map((i: Json) => i.instance_id)).toEqual(adas.slice(190, 225));
    const first = await t.request('GET', '/instances?limit=3', undefined, ADA);
    expect(first.body.instances.map((i: Json) => i.instance_id)).toEqual(adas.slice(0, 3));
  });
});
