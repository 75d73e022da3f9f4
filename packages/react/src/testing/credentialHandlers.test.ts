import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from './createWorkflowHandlers';

const handlers = createWorkflowHandlers({ baseUrl: 'http://api.test/flow' });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
  handlers.backend.credentials.configured = true;
});
afterAll(() => server.close());

const client = createWorkflowClient({ baseUrl: 'http://api.test/flow' });
const TOKEN = 'tok_live_9f8e7d6c5b4a';

async function createBearer(name = 'GitHub') {
  const created = await client.createCredential({ name, type: 'bearer', data: { token: TOKEN } });
  if (!created.success) throw new Error(created.error.message);
  return created.data;
}

/** Every answer's raw text, to look for a secret in it. */
async function rawAnswers(paths: string[]): Promise<string> {
  const texts = await Promise.all(
    paths.map(async (path) => (await fetch(`http://api.test/flow${path}`)).text()),
  );
  return texts.join('\n');
}

describe('credential handlers and client', () => {
  it('creates a credential (201) and answers with its summary, without its data', async () => {
    const response = await fetch('http://api.test/flow/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'GitHub', type: 'bearer', data: { token: TOKEN } }),
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    // The summary core's CredentialSummarySchema describes: no data, not even encrypted.
    expect(Object.keys(body).sort()).toEqual(
      [
        'created_at',
        'created_by',
        'credential_id',
        'name',
        'tenant_id',
        'type',
        'updated_at',
      ].sort(),
    );
    expect(body).toMatchObject({ name: 'GitHub', type: 'bearer', created_by: 'anonymous' });
    expect(await handlers.backend.credentials.dataOf(body.credential_id)).toEqual({
      token: TOKEN,
    });
  });

  it('reads and lists credentials, and no answer contains the secret', async () => {
    const created = await createBearer();
    expect(await client.getCredential(created.credential_id)).toEqual({
      success: true,
      data: created,
    });
    expect(await client.listCredentials()).toEqual({
      success: true,
      data: { credentials: [created], total: 1 },
    });
    const raw = await rawAnswers([
      '/credentials',
      '/credentials?type=bearer',
      `/credentials/${created.credential_id}`,
    ]);
    expect(raw).not.toContain(TOKEN);
    expect(raw).not.toContain('"data"');
  });

  it('lists only the credentials of the ?type= given', async () => {
    await createBearer('GitHub');
    await client.createCredential({
      name: 'Jira',
      type: 'basic',
      data: { username: 'ada', password: 'pw' },
    });
    const basic = await client.listCredentials({ type: 'basic' });
    expect(basic.success && basic.data.credentials.map((c) => c.name)).toEqual(['Jira']);
    expect(basic.success && basic.data.total).toBe(1);
    const all = await client.listCredentials();
    expect(all.success && all.data.credentials.map((c) => c.name).sort()).toEqual([
      'GitHub',
      'Jira',
    ]);
    const none = await client.listCredentials({ type: 'header' });
    expect(none).toEqual({ success: true, data: { credentials: [], total: 0 } });
  });

  it('renames a credential and replaces its data, answering without it', async () => {
    const created = await createBearer();
    const renamed = await client.updateCredential(created.credential_id, { name: 'GitHub CI' });
    expect(renamed).toMatchObject({ success: true, data: { name: 'GitHub CI', type: 'bearer' } });
    const replaced = await client.updateCredential(created.credential_id, {
      data: { token: 'rotated' },
    });
    expect(replaced.success && 'data' in replaced.data).toBe(false);
    expect(await handlers.backend.credentials.dataOf(created.credential_id)).toEqual({
      token: 'rotated',
    });
  });

  it('deletes a credential with 204 (data null), after which it is 404', async () => {
    const created = await createBearer();
    expect(await client.deleteCredential(created.credential_id)).toEqual({
      success: true,
      data: null,
    });
    expect(await client.getCredential(created.credential_id)).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
  });

  it('answers an unknown credential with 404 NOT_FOUND on read, update and delete', async () => {
    const answers = await Promise.all([
      client.getCredential('cred_missing'),
      client.updateCredential('cred_missing', { name: 'x' }),
      client.deleteCredential('cred_missing'),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        success: false,
        error: {
          code: 'NOT_FOUND',
          status: 404,
          message: 'Credential "cred_missing" does not exist',
        },
      });
    }
  });

  it('encodes an id with path characters, so it cannot reach another route', async () => {
    await createBearer();
    const answer = await client.getCredential('../credentials');
    expect(answer).toMatchObject({ success: false, error: { status: 404 } });
  });

  it('answers malformed input with 400 VALIDATION_FAILED listing every problem', async () => {
    const answer = await client.createCredential({
      name: ' ',
      type: '',
      data: { token: 42 },
      extra: true,
    } as never);
    expect(answer).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    expect(answer.success || answer.error.issues?.map((issue) => issue.path).sort()).toEqual(
      ['data.token', 'extra', 'name', 'type'].sort(),
    );
    const noData = await client.createCredential({ name: 'x', type: 'bearer' } as never);
    expect(noData).toMatchObject({ error: { status: 400, issues: [{ path: 'data' }] } });
    const created = await createBearer();
    const badPatch = await client.updateCredential(created.credential_id, {
      data: ['token'],
    } as never);
    expect(badPatch).toMatchObject({ error: { status: 400, issues: [{ path: 'data' }] } });
  });

  it('refuses unsafe field names and an empty update, and trims the name, as the server does', async () => {
    const response = await fetch('http://api.test/flow/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x","type":"custom","data":{"__proto__":"a","bad name":"b"}}',
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'data.__proto__',
      'data.bad name',
    ]);
    const created = await createBearer('  Padded  ');
    expect(created.name).toBe('Padded');
    expect(await client.updateCredential(created.credential_id, {})).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'name', message: 'Give name or data' }],
      },
    });
  });

  it('answers every credential route with 501 NOT_CONFIGURED without a credential key', async () => {
    handlers.backend.credentials.configured = false;
    const answers = await Promise.all([
      client.listCredentials(),
      client.getCredential('cred_1'),
      client.createCredential({ name: 'x', type: 'bearer', data: { token: 't' } }),
      client.updateCredential('cred_1', { name: 'y' }),
      client.deleteCredential('cred_1'),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        success: false,
        error: { code: 'NOT_CONFIGURED', status: 501, issues: [] },
      });
    }
    expect(await handlers.backend.credentials.list()).toEqual({ credentials: [], total: 0 });
  });

  it('starts without a credential key when credentialsConfigured is false', async () => {
    server.use(
      ...createWorkflowHandlers({ baseUrl: 'http://api.test/bare', credentialsConfigured: false }),
    );
    const bare = createWorkflowClient({ baseUrl: 'http://api.test/bare' });
    expect(await bare.listCredentials()).toMatchObject({ error: { status: 501 } });
  });

  it("resolves a step's credential reference for the fake's engine, never into the answer", async () => {
    const created = await createBearer();
    expect(await handlers.backend.credentials.resolve(created.credential_id)).toEqual({
      type: 'bearer',
      data: { token: TOKEN },
    });
    await expect(handlers.backend.credentials.resolve('cred_missing')).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
    });
    handlers.backend.credentials.configured = false;
    await expect(handlers.backend.credentials.resolve(created.credential_id)).rejects.toMatchObject(
      { code: 'NOT_CONFIGURED' },
    );
  });

  it('forgets the credentials on reset()', async () => {
    await createBearer();
    handlers.reset();
    expect(await client.listCredentials()).toEqual({
      success: true,
      data: { credentials: [], total: 0 },
    });
  });
});
