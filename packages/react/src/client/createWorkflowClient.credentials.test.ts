// @vitest-environment node
import { CredentialVault } from '@flowloom/server-adapter';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './workflowTestServer.test-helpers';

const TOKEN = 'ghp_RealServerS3cret';

async function startWithKey() {
  return startTestServer({ credentialsKey: CredentialVault.generateKey() });
}

describe('createWorkflowClient against a real server: credentials', () => {
  it('answers every credential route with 501 NOT_CONFIGURED when the server has no key', async () => {
    const client = (await startTestServer()).client();
    const answers = await Promise.all([
      client.listCredentials({ type: 'bearer' }),
      client.getCredential('cred_1'),
      client.createCredential({ name: 'GitHub', type: 'bearer', data: { token: TOKEN } }),
      client.updateCredential('cred_1', { name: 'Renamed' }),
      client.deleteCredential('cred_1'),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({
        success: false,
        error: { code: 'NOT_CONFIGURED', status: 501, issues: [] },
      });
    }
  });

  it('creates, reads and lists a credential, by type too', async () => {
    const client = (await startWithKey()).client();
    const created = await client.createCredential({
      name: 'GitHub',
      type: 'bearer',
      data: { token: TOKEN },
    });
    expect(created).toMatchObject({ success: true, data: { name: 'GitHub', type: 'bearer' } });
    if (!created.success) return;
    expect(created.data).not.toHaveProperty('data');
    const id = created.data.credential_id;
    expect(await client.getCredential(id)).toEqual({ success: true, data: created.data });
    await client.createCredential({
      name: 'Jira',
      type: 'basic',
      data: { username: 'ada', password: 'pw' },
    });
    const bearer = await client.listCredentials({ type: 'bearer' });
    expect(bearer).toEqual({ success: true, data: { credentials: [created.data], total: 1 } });
    const all = await client.listCredentials();
    expect(all.success && all.data.total).toBe(2);
  });

  it('never answers with the secret, on any route', async () => {
    const server = await startWithKey();
    const client = server.client();
    const created = await client.createCredential({
      name: 'GitHub',
      type: 'bearer',
      data: { token: TOKEN },
    });
    if (!created.success) throw new Error(created.error.message);
    const id = created.data.credential_id;
    const texts = await Promise.all(
      ['/credentials', '/credentials?type=bearer', `/credentials/${id}`].map(async (path) =>
        (await fetch(`${server.api}${path}`)).text(),
      ),
    );
    const renamed = await fetch(`${server.api}/credentials/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { token: `${TOKEN}-rotated` } }),
    });
    texts.push(await renamed.text());
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('ciphertext');
    }
  });

  it('renames a credential, replaces its data, and deletes it (204, data null)', async () => {
    const client = (await startWithKey()).client();
    const created = await client.createCredential({
      name: 'GitHub',
      type: 'bearer',
      data: { token: TOKEN },
    });
    if (!created.success) throw new Error(created.error.message);
    const id = created.data.credential_id;
    expect(await client.updateCredential(id, { name: 'GitHub CI' })).toMatchObject({
      success: true,
      data: { credential_id: id, name: 'GitHub CI' },
    });
    expect(await client.updateCredential(id, { data: { token: 'rotated' } })).toMatchObject({
      success: true,
    });
    expect(await client.deleteCredential(id)).toEqual({ success: true, data: null });
    expect(await client.getCredential(id)).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND', status: 404 },
    });
  });

  it('answers bad input with 400 VALIDATION_FAILED and an unknown id with 404', async () => {
    const client = (await startWithKey()).client();
    const invalid = await client.createCredential({
      name: ' ',
      type: 'bearer',
      data: { token: 7 },
    } as never);
    expect(invalid).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_FAILED', status: 400 },
    });
    expect(invalid.success || invalid.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'data.token',
      'name',
    ]);
    const missing = await client.deleteCredential('cred_missing');
    expect(missing).toMatchObject({
      success: false,
      error: {
        code: 'NOT_FOUND',
        status: 404,
        message: 'Credential "cred_missing" does not exist',
      },
    });
  });
});
