import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMTP_CREDENTIAL, TEST_CREDENTIALS_KEY } from '../http/credentialTestKit.test-helpers';
import {
  apiRoutesOf,
  asUser,
  BASE_PATH,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  headerAuthenticate,
  logWorkflow,
} from '../http/testServer.test-helpers';
import type { AuthorizeHook, WorkflowAction, WorkflowResource } from './authTypes';
import { recordRoutesAs } from './recordRoutes.test-helpers';

afterEach(closeTestServers);

const ADA = asUser('ada');
const BOB = asUser('bob');

describe('authenticate', () => {
  it('receives the request and its headers', async () => {
    const authenticate = vi.fn((request: Request) => ({
      id: request.headers.get('authorization')?.replace('Bearer ', '') ?? 'nobody',
    }));
    const t = createTestServer({ authenticate });
    await createInstanceVia(t, logWorkflow(), { authorization: 'Bearer ada' });
    const request = authenticate.mock.calls[0]![0];
    expect(request).toBeInstanceOf(Request);
    expect(new URL(request.url).pathname).toBe(`${BASE_PATH}/instances`);
    expect(request.method).toBe('POST');
    const listed = await t.request('GET', '/instances', undefined, {
      authorization: 'Bearer ada',
    });
    expect(listed.body.instances[0].created_by).toBe('ada');
  });

  it.each([
    ['null', () => null],
    ['undefined', () => undefined],
    ['null, asynchronously', async () => null],
  ])('answers 401 on every route when it returns %s', async (_label, authenticate) => {
    const { server, request } = createTestServer({ authenticate });
    for (const { method, path } of apiRoutesOf(server)) {
      const body = method === 'POST' ? {} : undefined;
      const response = await request(method, path.replace(/:(\w+)/g, 'x_$1'), body);
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('creates nothing for an unauthenticated request', async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const refused = await t.request('POST', '/instances', {
      name: 'Sneaky',
      workflow_data: logWorkflow(),
    });
    expect(refused.status).toBe(401);
    expect((await t.server.store.listInstances()).total).toBe(0);
  });

  it('runs open as the anonymous user without an authenticate hook', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const saved = await t.request('POST', '/editor/save', {
      name: 'Open',
      workflow_data: logWorkflow(),
    });
    expect(instance.created_by).toBe('anonymous');
    const loaded = await t.request('GET', `/editor/load/${saved.body.workflow_id}`);
    expect(loaded.body.created_by).toBe('anonymous');
  });
});

describe('start-up log', () => {
  it('warns that the API is open when no authenticate hook is given', () => {
    const { logger } = createTestServer();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toContain('No authenticate hook');
    expect(logger.warn.mock.calls[0]![0]).toContain(BASE_PATH);
  });

  it('does not warn when an authenticate hook is given', () => {
    const { logger } = createTestServer({ authenticate: headerAuthenticate });
    expect(logger.warn).not.toHaveBeenCalled();
  });
});

describe('authorize', () => {
  /** A server whose authorize hook records every call and allows everything. */
  async function recordingServer() {
    const authorize = vi.fn<AuthorizeHook>(() => true);
    const t = createTestServer({
      authenticate: (request) => {
        const id = request.headers.get('x-user-id');
        return id ? { id, role: 'editor' } : null;
      },
      authorize,
      credentialsKey: TEST_CREDENTIALS_KEY,
    });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Flow', workflow_data: logWorkflow() },
      ADA,
    );
    const instance = await createInstanceVia(t, delayWorkflow(), ADA);
    const credential = await t.request('POST', '/credentials', SMTP_CREDENTIAL, ADA);
    authorize.mockClear();
    return {
      ...t,
      authorize,
      workflowId: saved.body.workflow_id,
      instance,
      credentialId: credential.body.credential_id as string,
    };
  }

  it('receives the user, the action and the resource of each route', async () => {
    const t = await recordingServer();
    const { instance_id } = t.instance;
    const owner = { created_by: 'ada', tenant_id: null };
    const credential = { type: 'credential', id: t.credentialId, ...owner } as const;
    const cases: Array<[string, string, unknown, WorkflowAction, WorkflowResource]> = [
      ['GET', '/components', undefined, 'components:read', { type: 'component' }],
      ['GET', '/components/log', undefined, 'components:read', { type: 'component', id: 'log' }],
      [
        'POST',
        '/instances',
        { name: 'New', workflow_data: logWorkflow() },
        'instances:create',
        { type: 'instance' },
      ],
      ['GET', '/instances', undefined, 'instances:list', { type: 'instance' }],
      [
        'GET',
        `/instances/${instance_id}`,
        undefined,
        'instances:read',
        { type: 'instance', id: instance_id, ...owner },
      ],
      [
        'POST',
        `/instances/${instance_id}/execute`,
        {},
        'instances:execute',
        { type: 'instance', id: instance_id, ...owner },
      ],
      [
        'GET',
        `/instances/${instance_id}/status`,
        undefined,
        'instances:read',
        { type: 'instance', id: instance_id, ...owner },
      ],
      [
        'GET',
        `/instances/${instance_id}/logs`,
        undefined,
        'instances:read',
        { type: 'instance', id: instance_id, ...owner },
      ],
      [
        'POST',
        `/instances/${instance_id}/stop`,
        undefined,
        'instances:stop',
        { type: 'instance', id: instance_id, ...owner },
      ],
      [
        'POST',
        '/editor/save',
        { name: 'Another', workflow_data: logWorkflow() },
        'workflows:save',
        { type: 'workflow' },
      ],
      [
        'POST',
        '/editor/save',
        { workflow_id: t.workflowId, name: 'Flow', workflow_data: logWorkflow() },
        'workflows:save',
        { type: 'workflow', id: t.workflowId, ...owner },
      ],
      [
        'GET',
        `/editor/load/${t.workflowId}`,
        undefined,
        'workflows:read',
        { type: 'workflow', id: t.workflowId, ...owner },
      ],
      ['GET', '/editor/list', undefined, 'workflows:list', { type: 'workflow' }],
      ['POST', '/credentials', SMTP_CREDENTIAL, 'credentials:create', { type: 'credential' }],
      ['GET', '/credentials', undefined, 'credentials:list', { type: 'credential' }],
      ['GET', `/credentials/${t.credentialId}`, undefined, 'credentials:read', credential],
      ['PUT', `/credentials/${t.credentialId}`, { name: 'R' }, 'credentials:update', credential],
      ['DELETE', `/credentials/${t.credentialId}`, undefined, 'credentials:delete', credential],
    ];
    for (const [method, path, body, action, resource] of cases) {
      t.authorize.mockClear();
      const response = await t.request(method, path, body, ADA);
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      expect(t.authorize, `${method} ${path}`).toHaveBeenCalledWith(
        { id: 'ada', role: 'editor' },
        action,
        resource,
      );
    }
  });

  it('checks workflows:read on the saved workflow an instance is created from', async () => {
    const t = await recordingServer();
    await t.request('POST', '/instances', { name: 'From saved', workflow_id: t.workflowId }, ADA);
    expect(t.authorize).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'workflows:read',
      {
        type: 'workflow',
        id: t.workflowId,
        created_by: 'ada',
        tenant_id: null,
      },
    );
    expect(t.authorize).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'instances:create',
      { type: 'instance' },
    );
  });

  it('answers 403 FORBIDDEN and does nothing when it returns false', async () => {
    const t = await recordingServer();
    t.authorize.mockImplementation((_user, action) => action !== 'instances:execute');
    const response = await t.request(
      'POST',
      `/instances/${t.instance.instance_id}/execute`,
      {},
      ADA,
    );
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Not allowed: instances:execute',
    });
    expect((await t.server.store.getInstance(t.instance.instance_id))?.status).toBe('pending');
  });

  it('answers 403 when an asynchronous hook resolves false, and saves nothing', async () => {
    const t = createTestServer({
      authenticate: headerAuthenticate,
      authorize: async (_user, action) => action !== 'workflows:save',
    });
    const response = await t.request(
      'POST',
      '/editor/save',
      { name: 'Refused', workflow_data: logWorkflow() },
      ADA,
    );
    expect(response.status).toBe(403);
    expect((await t.server.store.listWorkflows()).total).toBe(0);
  });
});

describe("another user's records", () => {
  /** Ada's records: a pending and a running instance and a saved workflow; Bob's own instance. */
  async function twoUsers() {
    const t = createTestServer({
      authenticate: headerAuthenticate,
      credentialsKey: TEST_CREDENTIALS_KEY,
    });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Ada flow', workflow_data: logWorkflow() },
      ADA,
    );
    const pending = await createInstanceVia(t, logWorkflow(), ADA, 'Ada pending');
    const running = await createInstanceVia(t, delayWorkflow(), ADA, 'Ada running');
    await executeVia(t, running.instance_id, {}, ADA);
    const bobs = await createInstanceVia(t, logWorkflow(), BOB, 'Bob instance');
    const credential = await t.request('POST', '/credentials', SMTP_CREDENTIAL, ADA);
    return {
      t,
      workflowId: saved.body.workflow_id as string,
      credentialId: credential.body.credential_id as string,
      pending,
      running,
      bobs,
    };
  }

  it('answers 403 on every route that reaches a record of another user', async () => {
    const { t, workflowId, credentialId, pending, running } = await twoUsers();
    // Every route of the app is either walked as Bob below or reaches no one's record.
    const asBob = recordRoutesAs(t, { workflowId, credentialId, pending, running }, BOB);
    const reachNoOnesRecord = new Set([
      'POST /credentials',
      'GET /credentials',
      'GET /components',
      'GET /components/:component_type',
      'GET /instances',
      'GET /editor/list',
      'GET /openapi.json',
      'GET /asyncapi.json',
      'POST /workflows/import',
      // A list of the caller's tenant's (or own) entries.
      'GET /audit',
    ]);
    const routes = apiRoutesOf(t.server).map(({ method, path }) => `${method} ${path}`);
    expect(routes.filter((route) => !(route in asBob) && !reachNoOnesRecord.has(route))).toEqual(
      [],
    );

    for (const [route, send] of Object.entries(asBob)) {
      const response = await send();
      expect(response.status, route).toBe(403);
      expect(response.body.error.code, route).toBe('FORBIDDEN');
    }
    const beside = await t.request(
      'POST',
      '/instances',
      { name: 'Linked', workflow_id: workflowId, workflow_data: logWorkflow() },
      BOB,
    );
    expect(beside.status).toBe(403);

    // Nothing of Ada's changed: the pending one never ran, the running one still runs.
    expect(
      (await t.request('GET', `/instances/${pending.instance_id}`, undefined, ADA)).body.status,
    ).toBe('pending');
    expect(t.server.engine.isRunning(running.instance_id)).toBe(true);
    const workflow = await t.request('GET', `/editor/load/${workflowId}`, undefined, ADA);
    expect(workflow.body).toMatchObject({ name: 'Ada flow', version: 1 });
    const credential = await t.request('GET', `/credentials/${credentialId}`, undefined, ADA);
    expect(credential.body).toMatchObject({ name: SMTP_CREDENTIAL.name });
    expect(
      (await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA)).status,
    ).toBe(200);
  });

  it("lists only the caller's instances, total included", async () => {
    const { t, pending, running, bobs } = await twoUsers();
    const adas = await t.request('GET', '/instances', undefined, ADA);
    expect(adas.body.total).toBe(2);
    expect(adas.body.instances.map((i: { instance_id: string }) => i.instance_id).sort()).toEqual(
      [pending.instance_id, running.instance_id].sort(),
    );
    const bob = await t.request('GET', '/instances', undefined, BOB);
    expect(bob.body).toMatchObject({ total: 1, instances: [{ instance_id: bobs.instance_id }] });
    const bobRunning = await t.request('GET', '/instances?status=running', undefined, BOB);
    expect(bobRunning.body).toEqual({ instances: [], total: 0, next_cursor: null });
    await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA);
  });

  it("lists only the caller's saved workflows", async () => {
    const { t, workflowId } = await twoUsers();
    const ada = await t.request('GET', '/editor/list', undefined, ADA);
    expect(ada.body.workflows.map((w: { workflow_id: string }) => w.workflow_id)).toEqual([
      workflowId,
    ]);
    const bob = await t.request('GET', '/editor/list', undefined, BOB);
    expect(bob.body.workflows).toEqual([]);
  });

  it('lets the owner use the same routes', async () => {
    const { t, pending, running } = await twoUsers();
    expect(
      (await t.request('GET', `/instances/${pending.instance_id}`, undefined, ADA)).status,
    ).toBe(200);
    expect(
      (await t.request('GET', `/instances/${pending.instance_id}/logs`, undefined, ADA)).status,
    ).toBe(200);
    expect(
      (await t.request('GET', `/instances/${running.instance_id}/status`, undefined, ADA)).status,
    ).toBe(200);
    expect(
      (await t.request('POST', `/instances/${running.instance_id}/stop`, undefined, ADA)).status,
    ).toBe(200);
  });
});

describe('records without an owner', () => {
  it('leaves an instance made straight through the engine to the authorize hook, not to ownership', async () => {
    const authorize = vi.fn<AuthorizeHook>(() => true);
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    const instance = await t.server.engine.createInstance({
      name: 'ownerless',
      workflow_data: logWorkflow(),
    });
    expect(instance.created_by).toBeNull();
    const read = await t.request('GET', `/instances/${instance.instance_id}`, undefined, ADA);
    expect(read.status).toBe(200);
    expect(authorize).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'instances:read',
      {
        type: 'instance',
        id: instance.instance_id,
        created_by: null,
        tenant_id: null,
      },
    );
    authorize.mockReturnValue(false);
    expect(
      (await t.request('GET', `/instances/${instance.instance_id}`, undefined, BOB)).status,
    ).toBe(403);
  });
});
