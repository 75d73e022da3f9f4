import { SavedWorkflowSchema } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webhookWorkflow } from '../triggers/triggerTestKit.test-helpers';
import {
  asUser,
  closeTestServers,
  createTestServer,
  headerAuthenticate,
  invalidWorkflow,
  logWorkflow,
  threeStepWorkflow,
} from './testServer.test-helpers';

afterEach(closeTestServers);

describe('POST /editor/save', () => {
  it('answers { workflow_id, name, version: 1, updated_at, validation } for a new workflow', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      name: 'Greeter',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workflow_id: expect.any(String),
      name: 'Greeter',
      version: 1,
      updated_at: expect.any(String),
      validation: { valid: true, errors: [] },
    });
  });

  it('increments the version when saved again with its workflow_id', async () => {
    const { request } = createTestServer();
    const first = await request('POST', '/editor/save', {
      name: 'Greeter',
      workflow_data: logWorkflow(),
    });
    const second = await request('POST', '/editor/save', {
      workflow_id: first.body.workflow_id,
      name: 'Greeter v2',
      workflow_data: threeStepWorkflow(),
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      workflow_id: first.body.workflow_id,
      name: 'Greeter v2',
      version: 2,
    });
    expect(second.body.updated_at >= first.body.updated_at).toBe(true);

    const loaded = await request('GET', `/editor/load/${first.body.workflow_id}`);
    expect(loaded.body.version).toBe(2);
    expect(loaded.body.workflow_data.nodes).toHaveLength(3);
    const third = await request('POST', '/editor/save', {
      workflow_id: first.body.workflow_id,
      name: 'Greeter v3',
      workflow_data: threeStepWorkflow(),
    });
    expect(third.body.version).toBe(3);
  });

  it('saves a draft that fails validation, answering valid: false and its errors', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      name: 'Draft',
      workflow_data: invalidWorkflow(),
    });
    expect(response.status).toBe(200);
    expect(response.body.validation.valid).toBe(false);
    expect(response.body.validation.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UNKNOWN_COMPONENT_TYPE', node_id: 'ghost' }),
        expect.objectContaining({ code: 'MISSING_NODE', edge_id: 'say-missing' }),
        expect.objectContaining({
          code: 'MISSING_REQUIRED_PARAMETER',
          node_id: 'say',
          field: 'message',
        }),
      ]),
    );
    const errors = response.body.validation.errors.filter(
      (issue: { severity: string }) => issue.severity === 'error',
    );
    expect(errors).toHaveLength(3);

    const loaded = await request('GET', `/editor/load/${response.body.workflow_id}`);
    expect(loaded.status).toBe(200);
    expect(loaded.body.workflow_data.nodes.map((node: { id: string }) => node.id)).toEqual([
      'start',
      'say',
      'ghost',
    ]);
  });

  it('answers 400 listing every problem of a malformed body, and saves nothing', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      workflow_data: { nodes: 'not an array', edges: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual(['name', 'workflow_data.nodes']);
    expect((await request('GET', '/editor/list')).body.workflows).toEqual([]);
  });

  it('answers 400 when the name is missing', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', { workflow_data: logWorkflow() });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'name', message: expect.any(String) }]);
  });

  it('answers 400 when workflow_data is missing', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', { name: 'No document' });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'workflow_data', message: expect.any(String) },
    ]);
  });

  it('answers 400 for a node without an id', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      name: 'X',
      workflow_data: { nodes: [{ type: 'log' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'workflow_data.nodes.0.id', message: expect.any(String) },
    ]);
  });

  it('answers 404 for an unknown workflow_id', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/editor/save', {
      workflow_id: 'wf_nope',
      name: 'X',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it("answers 403 when saving into another user's workflow, which stays unchanged", async () => {
    const { request } = createTestServer({ authenticate: headerAuthenticate });
    const mine = await request(
      'POST',
      '/editor/save',
      { name: 'Ada only', workflow_data: logWorkflow() },
      asUser('ada'),
    );
    const response = await request(
      'POST',
      '/editor/save',
      { workflow_id: mine.body.workflow_id, name: 'Taken', workflow_data: logWorkflow() },
      asUser('bob'),
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    const loaded = await request(
      'GET',
      `/editor/load/${mine.body.workflow_id}`,
      undefined,
      asUser('ada'),
    );
    expect(loaded.body).toMatchObject({ name: 'Ada only', version: 1, created_by: 'ada' });
  });
});

describe('GET /editor/load/{workflow_id}', () => {
  it('answers the saved workflow with its document', async () => {
    const { request } = createTestServer({ authenticate: headerAuthenticate });
    const saved = await request(
      'POST',
      '/editor/save',
      { name: 'Greeter', workflow_data: logWorkflow('Hi') },
      asUser('ada'),
    );
    const response = await request(
      'GET',
      `/editor/load/${saved.body.workflow_id}`,
      undefined,
      asUser('ada'),
    );
    expect(response.status).toBe(200);
    expect(SavedWorkflowSchema.parse(response.body)).toEqual(response.body);
    expect(response.body).toMatchObject({
      workflow_id: saved.body.workflow_id,
      name: 'Greeter',
      version: 1,
      created_by: 'ada',
      updated_at: saved.body.updated_at,
    });
    expect(response.body.workflow_data.nodes[1].data.parameters).toEqual({ message: 'Hi' });
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/editor/load/wf_nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /editor/list', () => {
  it("answers { workflows } with only the caller's summaries", async () => {
    const { request } = createTestServer({ authenticate: headerAuthenticate });
    const ada = await request(
      'POST',
      '/editor/save',
      { name: 'Ada flow', workflow_data: logWorkflow() },
      asUser('ada'),
    );
    await request(
      'POST',
      '/editor/save',
      { name: 'Bob flow', workflow_data: logWorkflow() },
      asUser('bob'),
    );
    const response = await request('GET', '/editor/list', undefined, asUser('ada'));
    expect(response.status).toBe(200);
    expect(response.body.workflows).toEqual([
      expect.objectContaining({
        workflow_id: ada.body.workflow_id,
        name: 'Ada flow',
        version: 1,
        updated_at: ada.body.updated_at,
      }),
    ]);
    expect(response.body.workflows[0]).not.toHaveProperty('workflow_data');
  });

  it('shows the latest version and pages with limit and offset', async () => {
    const { request } = createTestServer();
    const first = await request('POST', '/editor/save', {
      name: 'One',
      workflow_data: logWorkflow(),
    });
    await request('POST', '/editor/save', { name: 'Two', workflow_data: logWorkflow() });
    await request('POST', '/editor/save', {
      workflow_id: first.body.workflow_id,
      name: 'One again',
      workflow_data: logWorkflow(),
    });
    const all = await request('GET', '/editor/list');
    expect(all.body.workflows).toHaveLength(2);
    const one = all.body.workflows.find(
      (workflow: { workflow_id: string }) => workflow.workflow_id === first.body.workflow_id,
    );
    expect(one).toMatchObject({ name: 'One again', version: 2 });
    const page = await request('GET', '/editor/list?limit=1&offset=1');
    expect(page.body.workflows).toEqual([all.body.workflows[1]]);
  });

  it('says which listed workflows are active, without a read per workflow', async () => {
    const { request, server } = createTestServer();
    const hooked = await request('POST', '/editor/save', {
      name: 'Hooked',
      workflow_data: webhookWorkflow(),
    });
    const idle = await request('POST', '/editor/save', {
      name: 'Idle',
      workflow_data: logWorkflow(),
    });
    const activated = await request('POST', `/workflows/${hooked.body.workflow_id}/activate`);
    expect(activated.status).toBe(200);
    const loads = vi.spyOn(server.store, 'loadWorkflow');
    const list = await request('GET', '/editor/list');
    expect(
      Object.fromEntries(
        list.body.workflows.map((workflow: { name: string; active: boolean }) => [
          workflow.name,
          workflow.active,
        ]),
      ),
    ).toEqual({ Hooked: true, Idle: false });
    expect(loads).not.toHaveBeenCalled();
    await request('POST', `/workflows/${hooked.body.workflow_id}/deactivate`);
    const after = await request('GET', '/editor/list');
    expect(after.body.workflows.map((workflow: { active: boolean }) => workflow.active)).toEqual([
      false,
      false,
    ]);
    expect(idle.status).toBe(200);
  });

  it('answers 400 for a bad limit', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/editor/list?limit=zero');
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'limit', message: expect.any(String) }]);
  });
});
