import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizeHook } from '../auth/authTypes';
import {
  ManualClock,
  scheduleWorkflow,
  webhookWorkflow,
} from '../triggers/triggerTestKit.test-helpers';
import {
  asUser,
  closeTestServers,
  createTestServer,
  headerAuthenticate,
  invalidWorkflow,
  logWorkflow,
  type TestServer,
} from './testServer.test-helpers';

afterEach(closeTestServers);

/** Saves a workflow (or a new version of one) through the API; returns its id. */
async function save(
  t: TestServer,
  workflow_data: unknown,
  workflow_id?: string,
  headers: Record<string, string> = {},
) {
  const response = await t.request(
    'POST',
    '/editor/save',
    { name: 'Orders', workflow_data, ...(workflow_id ? { workflow_id } : {}) },
    headers,
  );
  expect(response.status).toBe(200);
  return response;
}

function clockServer() {
  const clock = new ManualClock('2026-03-01T10:00:30.000Z');
  return { clock, t: createTestServer({ triggers: { clock } }) };
}

describe('POST /workflows/{id}/activate', () => {
  it('activates the latest version, answering each trigger with its webhook URL or next run', async () => {
    const { t } = clockServer();
    const saved = await save(t, {
      nodes: [
        ...webhookWorkflow().nodes,
        { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '*/5 * * * *' } } },
      ],
      edges: webhookWorkflow().edges,
    });
    const id = saved.body.workflow_id;
    const response = await t.request('POST', `/workflows/${id}/activate`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workflow_id: id,
      active: true,
      version: 1,
      triggers: [
        {
          step_id: 'hook',
          type: 'webhook',
          method: 'POST',
          webhook_url: `http://test/api/workflow/webhooks/${id}/orders`,
        },
        { step_id: 'tick', type: 'schedule', next_run_at: '2026-03-01T10:05:00.000Z' },
      ],
    });
    expect(await t.server.store.getActivation(id)).toMatchObject({ active_version: 1 });
  });

  it('shows webhook URLs under the publicUrl when one is given', async () => {
    const t = createTestServer({ triggers: { publicUrl: 'https://api.example.com/' } });
    const id = (await save(t, webhookWorkflow())).body.workflow_id;
    const response = await t.request('POST', `/workflows/${id}/activate`);
    expect(response.body.triggers[0].webhook_url).toBe(
      `https://api.example.com/api/workflow/webhooks/${id}/orders`,
    );
  });

  it('refuses a latest version that fails validation with 400 and every issue', async () => {
    const t = createTestServer();
    const id = (await save(t, invalidWorkflow())).body.workflow_id;
    const response = await t.request('POST', `/workflows/${id}/activate`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_WORKFLOW');
    expect(response.body.error.issues).toHaveLength(3);
    expect(await t.server.store.getActivation(id)).toBeNull();
  });

  it('refuses a workflow with no webhook or schedule trigger with 400 NO_TRIGGER', async () => {
    const t = createTestServer();
    const id = (await save(t, logWorkflow())).body.workflow_id;
    const response = await t.request('POST', `/workflows/${id}/activate`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('NO_TRIGGER');
    expect(await t.server.store.getActivation(id)).toBeNull();
  });

  it('refuses trigger settings held in expressions, naming each', async () => {
    const t = createTestServer();
    const id = (await save(t, webhookWorkflow({ path: '/{{ vars.where }}' }))).body.workflow_id;
    const response = await t.request('POST', `/workflows/${id}/activate`);
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'workflow_data.hook.path', message: expect.stringContaining('fixed value') },
    ]);
  });

  it('answers 404 for an unknown workflow', async () => {
    const t = createTestServer();
    expect((await t.request('POST', '/workflows/wf_missing/activate')).status).toBe(404);
  });
});

describe('POST /workflows/{id}/deactivate', () => {
  it('deactivates a workflow and disarms its schedules', async () => {
    const { clock, t } = clockServer();
    const id = (await save(t, scheduleWorkflow('* * * * *'))).body.workflow_id;
    await t.request('POST', `/workflows/${id}/activate`);
    const response = await t.request('POST', `/workflows/${id}/deactivate`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ workflow_id: id, active: false });
    await clock.advance(180_000);
    expect((await t.server.store.listInstances()).total).toBe(0);
    expect(await t.server.store.getActivation(id)).toBeNull();
  });

  it('answers 200 for a workflow that was not active', async () => {
    const t = createTestServer();
    const id = (await save(t, webhookWorkflow())).body.workflow_id;
    expect((await t.request('POST', `/workflows/${id}/deactivate`)).body.active).toBe(false);
  });
});

describe('GET /workflows/{id}', () => {
  it('answers the saved workflow with its activation and armed triggers', async () => {
    const { t } = clockServer();
    const id = (await save(t, scheduleWorkflow('0 12 * * *'))).body.workflow_id;
    const inactive = await t.request('GET', `/workflows/${id}`);
    expect(inactive.status).toBe(200);
    expect(inactive.body).toMatchObject({
      workflow_id: id,
      name: 'Orders',
      version: 1,
      active: false,
      active_version: null,
      triggers: [],
    });
    expect(inactive.body.workflow_data.nodes).toHaveLength(2);
    await t.request('POST', `/workflows/${id}/activate`);
    const active = await t.request('GET', `/workflows/${id}`);
    expect(active.body).toMatchObject({
      active: true,
      active_version: 1,
      triggers: [{ step_id: 'tick', type: 'schedule', next_run_at: '2026-03-01T12:00:00.000Z' }],
    });
  });
});

describe('saving an active workflow', () => {
  it('switches the triggers to a valid new version and says so in the save answer', async () => {
    const { clock, t } = clockServer();
    const id = (await save(t, scheduleWorkflow('0 12 * * *'))).body.workflow_id;
    await t.request('POST', `/workflows/${id}/activate`);
    const second = await save(t, scheduleWorkflow('* * * * *'), id);
    expect(second.body.activation).toEqual({ active: true, active_version: 2 });
    const detail = await t.request('GET', `/workflows/${id}`);
    expect(detail.body.triggers[0].next_run_at).toBe('2026-03-01T10:01:00.000Z');
    await clock.advance(30_000);
    await vi.waitFor(async () => {
      const { instances } = await t.server.store.listInstances();
      expect(instances.map((instance) => instance.workflow_version)).toEqual([2]);
    });
  });

  it('keeps the previous valid version running when an invalid draft is saved', async () => {
    const t = createTestServer();
    const id = (await save(t, webhookWorkflow())).body.workflow_id;
    await t.request('POST', `/workflows/${id}/activate`);
    const draft = await save(t, invalidWorkflow(), id);
    expect(draft.body.validation.valid).toBe(false);
    expect(draft.body.activation).toEqual({ active: true, active_version: 1 });
    expect((await t.request('GET', `/workflows/${id}`)).body).toMatchObject({
      version: 2,
      active_version: 1,
    });
  });

  it('keeps the previous version when a valid new one has no trigger left', async () => {
    const t = createTestServer();
    const id = (await save(t, webhookWorkflow())).body.workflow_id;
    await t.request('POST', `/workflows/${id}/activate`);
    const manual = await save(t, logWorkflow(), id);
    expect(manual.body.validation.valid).toBe(true);
    expect(manual.body.activation).toEqual({ active: true, active_version: 1 });
  });

  it('says nothing of activation when saving an inactive workflow', async () => {
    const t = createTestServer();
    const saved = await save(t, webhookWorkflow());
    expect(saved.body).not.toHaveProperty('activation');
  });
});

describe('deleting an active workflow', () => {
  it('deactivates it: its schedules stop and it is gone from the active list', async () => {
    const { clock, t } = clockServer();
    const id = (await save(t, scheduleWorkflow('* * * * *'))).body.workflow_id;
    await t.request('POST', `/workflows/${id}/activate`);
    expect((await t.request('DELETE', `/workflows/${id}`)).status).toBe(204);
    expect(await t.server.store.listActivations()).toEqual([]);
    await clock.advance(180_000);
    expect((await t.server.store.listInstances()).total).toBe(0);
  });
});

describe('activation access', () => {
  it('refuses another user the activation and deactivation of a workflow', async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const id = (await save(t, webhookWorkflow(), undefined, asUser('ada'))).body.workflow_id;
    const activate = await t.request('POST', `/workflows/${id}/activate`, undefined, asUser('eve'));
    expect(activate.status).toBe(403);
    expect(await t.server.store.getActivation(id)).toBeNull();
    await t.request('POST', `/workflows/${id}/activate`, undefined, asUser('ada'));
    const deactivate = await t.request(
      'POST',
      `/workflows/${id}/deactivate`,
      undefined,
      asUser('eve'),
    );
    expect(deactivate.status).toBe(403);
    expect(await t.server.store.getActivation(id)).not.toBeNull();
  });

  it('asks authorize about workflows:activate and workflows:deactivate', async () => {
    const authorize = vi.fn<AuthorizeHook>((_user, action) => action !== 'workflows:deactivate');
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    const id = (await save(t, webhookWorkflow(), undefined, asUser('ada'))).body.workflow_id;
    expect(
      (await t.request('POST', `/workflows/${id}/activate`, undefined, asUser('ada'))).status,
    ).toBe(200);
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'ada' }),
      'workflows:activate',
      expect.objectContaining({ type: 'workflow', id, created_by: 'ada' }),
    );
    const refused = await t.request(
      'POST',
      `/workflows/${id}/deactivate`,
      undefined,
      asUser('ada'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: workflows:deactivate');
  });
});
