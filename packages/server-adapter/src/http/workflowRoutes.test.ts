import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizeHook } from '../auth/authTypes';
import {
  asUser,
  closeTestServers,
  createTestServer,
  headerAuthenticate,
  type Json,
  logWorkflow,
  type TestServer,
  threeStepWorkflow,
  waitForFinalStatus,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const ADA = asUser('ada');
const BOB = asUser('bob');

/** A component with a typed credential, as a host registers one. */
const EmailSender = defineComponent({
  type: 'email_sender',
  name: 'Email',
  category: 'integrations',
  parameters: [
    { name: 'smtp', label: 'SMTP server', type: 'secret', credential_type: 'smtp', required: true },
    { name: 'to', label: 'To', type: 'string' },
  ],
  execute: async () => ({ success: true, output_data: {} }),
});

/** A server whose registry knows the email step, with users from the `x-user-id` header. */
function emailServer(options: Parameters<typeof createTestServer>[0] = {}) {
  return createTestServer({
    registry: new ComponentRegistry({ components: [...builtinComponents, EmailSender] }),
    ...options,
  });
}

/** Trigger → email step holding a reference to a stored credential. */
function mailWorkflow(credentialId = 'cred_secret_1') {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      {
        id: 'mail',
        type: 'email_sender',
        data: { parameters: { smtp: { credential_id: credentialId }, to: 'ops@example.com' } },
      },
    ],
    edges: [{ id: 'start-mail', source: 'start', target: 'mail' }],
  };
}

/** Saves a workflow three times (messages one, two, three); returns its id. */
async function threeVersions(t: TestServer, headers: Record<string, string> = {}) {
  let workflowId: string | undefined;
  for (const message of ['one', 'two', 'three']) {
    const saved = await t.request(
      'POST',
      '/editor/save',
      { workflow_id: workflowId, name: `Flow ${message}`, workflow_data: logWorkflow(message) },
      headers,
    );
    expect(saved.status).toBe(200);
    workflowId = saved.body.workflow_id;
  }
  return workflowId!;
}

const messageOf = (workflow: Json) =>
  workflow.workflow_data.nodes.find((node: Json) => node.id === 'say').data.parameters.message;

describe('versions', () => {
  it('lists every save newest first, with who saved it and whether it was valid', async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const id = await threeVersions(t, ADA);
    await t.request(
      'POST',
      '/editor/save',
      { workflow_id: id, name: 'Broken', workflow_data: { nodes: [{ id: 'x', type: 'nope' }] } },
      ADA,
    );
    const response = await t.request('GET', `/workflows/${id}/versions`, undefined, ADA);
    expect(response.status).toBe(200);
    expect(
      response.body.versions.map((v: Json) => [v.version, v.name, v.updated_by, v.valid]),
    ).toEqual([
      [4, 'Broken', 'ada', false],
      [3, 'Flow three', 'ada', true],
      [2, 'Flow two', 'ada', true],
      [1, 'Flow one', 'ada', true],
    ]);
    expect(Object.keys(response.body.versions[0]).sort()).toEqual([
      'name',
      'updated_at',
      'updated_by',
      'valid',
      'version',
    ]);
    const page = await t.request(
      'GET',
      `/workflows/${id}/versions?limit=1&offset=2`,
      undefined,
      ADA,
    );
    expect(page.body.versions.map((v: Json) => v.version)).toEqual([2]);
  });

  it('loads a saved version with ?version=N, and the latest without', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const first = await t.request('GET', `/editor/load/${id}?version=1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ workflow_id: id, version: 1, name: 'Flow one' });
    expect(messageOf(first.body)).toBe('one');
    const latest = await t.request('GET', `/editor/load/${id}`);
    expect(latest.body).toMatchObject({ version: 3, name: 'Flow three' });
    expect((await t.request('GET', `/editor/load/${id}?version=3`)).body).toEqual(latest.body);
  });

  it('answers 404 for a version the workflow does not have, and 400 for one that is not a number', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const missing = await t.request('GET', `/editor/load/${id}?version=4`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    for (const version of ['abc', '0', '1.5']) {
      const bad = await t.request('GET', `/editor/load/${id}?version=${version}`);
      expect(bad.status, version).toBe(400);
      expect(bad.body.error.issues[0].path).toBe('version');
    }
    expect((await t.request('GET', '/workflows/wf_nope/versions')).status).toBe(404);
    expect((await t.request('GET', `/workflows/${id}/versions?limit=0`)).status).toBe(400);
  });

  it('keeps limits.maxVersionsPerWorkflow versions: a save past it drops the oldest', async () => {
    const t = createTestServer({ limits: { maxVersionsPerWorkflow: 2 } });
    const id = await threeVersions(t);
    const versions = await t.request('GET', `/workflows/${id}/versions`);
    expect(versions.body.versions.map((entry: { version: number }) => entry.version)).toEqual([
      3, 2,
    ]);
    expect((await t.request('GET', `/editor/load/${id}?version=1`)).status).toBe(404);
    expect((await t.request('GET', `/editor/load/${id}?version=2`)).status).toBe(200);
  });

  it("answers 401 without a user and 403 for another user's workflow", async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const id = await threeVersions(t, ADA);
    expect((await t.request('GET', `/workflows/${id}/versions`)).status).toBe(401);
    expect((await t.request('GET', `/workflows/${id}/versions`, undefined, BOB)).status).toBe(403);
    expect((await t.request('GET', `/editor/load/${id}?version=1`, undefined, BOB)).status).toBe(
      403,
    );
  });
});

describe('POST /editor/save with expected_version', () => {
  it('saves when expected_version is the stored version', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const response = await t.request('POST', '/editor/save', {
      workflow_id: id,
      expected_version: 3,
      name: 'Four',
      workflow_data: logWorkflow('four'),
    });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(4);
  });

  it('answers 409 VERSION_CONFLICT with the current version and writes nothing', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const response = await t.request('POST', '/editor/save', {
      workflow_id: id,
      expected_version: 2,
      name: 'Stale',
      workflow_data: logWorkflow('stale'),
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: {
        code: 'VERSION_CONFLICT',
        message: expect.stringContaining('version 3'),
        issues: [{ path: 'expected_version', message: 'The workflow is at version 3' }],
        current_version: 3,
      },
    });
    expect((await t.request('GET', `/editor/load/${id}`)).body).toMatchObject({
      version: 3,
      name: 'Flow three',
    });
    expect((await t.request('GET', `/workflows/${id}/versions`)).body.versions).toHaveLength(3);
  });

  it('overwrites without expected_version, as before', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const response = await t.request('POST', '/editor/save', {
      workflow_id: id,
      name: 'Last write',
      workflow_data: logWorkflow(),
    });
    expect(response.body.version).toBe(4);
  });

  it('answers 400 for an expected_version that is not a whole number', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const response = await t.request('POST', '/editor/save', {
      workflow_id: id,
      expected_version: '3',
      name: 'x',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('expected_version');
  });
});

describe('POST /instances from a saved version', () => {
  it('runs the latest version by default and records it', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const created = await t.request('POST', '/instances', { name: 'Run', workflow_id: id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ workflow_id: id, workflow_version: 3 });
    expect(messageOf(created.body)).toBe('three');
  });

  it('runs the version it is given and lists the run under it', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const created = await t.request('POST', '/instances', {
      name: 'Old',
      workflow_id: id,
      version: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body.workflow_version).toBe(1);
    await t.request('POST', `/instances/${created.body.instance_id}/execute`, {});
    const status = await waitForFinalStatus(t, created.body.instance_id);
    expect(status.status).toBe('completed');
    const listed = await t.request('GET', `/instances?workflow_id=${id}`);
    expect(listed.body.instances[0]).toMatchObject({ workflow_version: 1, status: 'completed' });
  });

  it('answers 404 for an unknown version and 400 for a version beside a document', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const unknown = await t.request('POST', '/instances', {
      name: 'x',
      workflow_id: id,
      version: 9,
    });
    expect(unknown.status).toBe(404);
    const beside = await t.request('POST', '/instances', {
      name: 'x',
      workflow_id: id,
      version: 1,
      workflow_data: logWorkflow(),
    });
    expect(beside.status).toBe(400);
    expect(beside.body.error.issues).toEqual([expect.objectContaining({ path: 'version' })]);
  });
});

describe('DELETE /workflows/{workflow_id}', () => {
  it('answers 204, removes the workflow and its versions, and leaves its runs readable', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const run = await t.request('POST', '/instances', { name: 'Run', workflow_id: id });
    const response = await t.request('DELETE', `/workflows/${id}`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect((await t.request('GET', `/editor/load/${id}`)).status).toBe(404);
    expect((await t.request('GET', `/editor/load/${id}?version=1`)).status).toBe(404);
    expect((await t.request('GET', `/workflows/${id}/versions`)).status).toBe(404);
    expect(await t.server.store.listWorkflowVersions(id)).toEqual([]);
    expect((await t.request('GET', '/editor/list')).body.total).toBe(0);
    const kept = await t.request('GET', `/instances/${run.body.instance_id}`);
    expect(kept.status).toBe(200);
    expect((await t.request('GET', `/instances?workflow_id=${id}`)).body.total).toBe(1);
  });

  it('answers 404 for an unknown workflow', async () => {
    const t = createTestServer();
    const response = await t.request('DELETE', '/workflows/wf_nope');
    expect(response.status).toBe(404);
  });

  it("answers 401 without a user, and 403 for another user's workflow or when authorize refuses", async () => {
    const authorize = vi.fn<AuthorizeHook>(() => true);
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    const id = await threeVersions(t, ADA);
    expect((await t.request('DELETE', `/workflows/${id}`)).status).toBe(401);
    expect((await t.request('DELETE', `/workflows/${id}`, undefined, BOB)).status).toBe(403);
    authorize.mockImplementation((_user, action) => action !== 'workflows:delete');
    expect((await t.request('DELETE', `/workflows/${id}`, undefined, ADA)).status).toBe(403);
    expect((await t.request('GET', `/editor/load/${id}`, undefined, ADA)).status).toBe(200);
  });
});

describe('GET /workflows/{workflow_id}/export', () => {
  it('answers the file as an attachment, credential references replaced by placeholders', async () => {
    const t = emailServer();
    const saved = await t.request('POST', '/editor/save', {
      name: 'Mail ops',
      workflow_data: mailWorkflow(),
    });
    const response = await t.request('GET', `/workflows/${saved.body.workflow_id}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Mail ops.flowloom.json"; filename*=UTF-8''Mail%20ops.flowloom.json`,
    );
    expect(response.body).toEqual({
      flowloom_version: 1,
      name: 'Mail ops',
      workflow_data: expect.objectContaining({ nodes: expect.any(Array) }),
    });
    const mail = response.body.workflow_data.nodes.find((node: Json) => node.id === 'mail');
    expect(mail.data.parameters).toEqual({
      smtp: { credential_type: 'smtp' },
      to: 'ops@example.com',
    });
    expect(JSON.stringify(response.body)).not.toContain('cred_secret_1');
  });

  it('exports the version it is asked for, and answers 404 for an unknown one', async () => {
    const t = createTestServer();
    const id = await threeVersions(t);
    const first = await t.request('GET', `/workflows/${id}/export?version=1`);
    expect(first.body.name).toBe('Flow one');
    expect(messageOf(first.body)).toBe('one');
    expect((await t.request('GET', `/workflows/${id}/export?version=7`)).status).toBe(404);
    expect((await t.request('GET', `/workflows/${id}/export?version=x`)).status).toBe(400);
    expect((await t.request('GET', '/workflows/wf_nope/export')).status).toBe(404);
  });

  it('names the file safely whatever the workflow is called', async () => {
    const t = createTestServer();
    const name = 'a"b\\c/ü\r\n🙂\uD800';
    const saved = await t.request('POST', '/editor/save', { name, workflow_data: logWorkflow() });
    const response = await t.request('GET', `/workflows/${saved.body.workflow_id}/export`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[!-~]+$/);
    expect(disposition).toContain('filename="a_b_c/______.flowloom.json"');
    expect(response.body.name).toBe(name);
  });

  it("answers 401 without a user and 403 for another user's workflow", async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const id = await threeVersions(t, ADA);
    expect((await t.request('GET', `/workflows/${id}/export`)).status).toBe(401);
    expect((await t.request('GET', `/workflows/${id}/export`, undefined, BOB)).status).toBe(403);
  });
});

describe('POST /workflows/import', () => {
  it('answers 201 with a new workflow whose placeholders ask for credentials', async () => {
    const t = emailServer({ authenticate: headerAuthenticate });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Mail ops', workflow_data: mailWorkflow() },
      ADA,
    );
    const file = await t.request(
      'GET',
      `/workflows/${saved.body.workflow_id}/export`,
      undefined,
      ADA,
    );
    const response = await t.request('POST', '/workflows/import', file.body, BOB);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Mail ops', version: 1 });
    expect(response.body.workflow_id).not.toBe(saved.body.workflow_id);
    expect(response.body.validation).toEqual({
      valid: false,
      errors: [
        {
          code: 'MISSING_CREDENTIAL',
          severity: 'error',
          node_id: 'mail',
          field: 'smtp',
          message: 'SMTP server needs a "smtp" credential: pick one',
        },
      ],
    });
    const loaded = await t.request(
      'GET',
      `/editor/load/${response.body.workflow_id}`,
      undefined,
      BOB,
    );
    expect(loaded.body).toMatchObject({ created_by: 'bob', version: 1 });
    const versions = await t.request(
      'GET',
      `/workflows/${response.body.workflow_id}/versions`,
      undefined,
      BOB,
    );
    expect(versions.body.versions).toEqual([
      expect.objectContaining({ version: 1, updated_by: 'bob', valid: false }),
    ]);
  });

  it('imports a valid workflow as valid', async () => {
    const t = createTestServer();
    const response = await t.request('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'Three steps',
      workflow_data: threeStepWorkflow(),
    });
    expect(response.status).toBe(201);
    expect(response.body.validation).toEqual({ valid: true, errors: [] });
  });

  it('turns credential references a hand-made file names into placeholders', async () => {
    const t = emailServer();
    const response = await t.request('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'Sneaky',
      workflow_data: mailWorkflow('cred_of_someone_else'),
    });
    expect(response.status).toBe(201);
    const loaded = await t.request('GET', `/editor/load/${response.body.workflow_id}`);
    expect(JSON.stringify(loaded.body)).not.toContain('cred_of_someone_else');
    expect(response.body.validation.errors[0].code).toBe('MISSING_CREDENTIAL');
  });

  it.each([
    ['another format version', { flowloom_version: 2 }, 'flowloom_version'],
    ['no format version', { flowloom_version: undefined }, 'flowloom_version'],
    ['an empty name', { name: ' ' }, 'name'],
    ['a document that is not one', { workflow_data: { nodes: 'x' } }, 'workflow_data.nodes'],
    ['an unknown field', { extra: true }, 'extra'],
  ])('answers 400 for a file with %s', async (_label, change, path) => {
    const t = createTestServer();
    const response = await t.request('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'File',
      workflow_data: logWorkflow(),
      ...change,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((issue: Json) => issue.path)).toContain(path);
    expect((await t.request('GET', '/editor/list')).body.total).toBe(0);
  });

  it("answers 400 INVALID_WORKFLOW for a document over the server's limits, and saves nothing", async () => {
    const t = createTestServer({ limits: { maxNodes: 2 } });
    const response = await t.request('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'Big',
      workflow_data: threeStepWorkflow(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_WORKFLOW');
    expect(response.body.error.issues).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^workflow_data/) }),
    ]);
    expect((await t.request('GET', '/editor/list')).body.total).toBe(0);
  });

  it('answers 413 for a file over the body limit', async () => {
    const t = createTestServer({ bodyLimit: 1000 });
    const response = await t.request('POST', '/workflows/import', {
      flowloom_version: 1,
      name: 'x'.repeat(2000),
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(413);
  });

  it('answers 401 without a user and 403 when authorize refuses workflows:save', async () => {
    const authorize = vi.fn<AuthorizeHook>((_user, action) => action !== 'workflows:save');
    const t = createTestServer({ authenticate: headerAuthenticate, authorize });
    const file = { flowloom_version: 1, name: 'F', workflow_data: logWorkflow() };
    expect((await t.request('POST', '/workflows/import', file)).status).toBe(401);
    expect((await t.request('POST', '/workflows/import', file, ADA)).status).toBe(403);
    expect(await t.server.store.listWorkflows()).toMatchObject({ total: 0 });
  });
});
