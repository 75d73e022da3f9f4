import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import { CredentialVault } from '../credentials/CredentialVault';
import {
  OTHER_CREDENTIALS_KEY,
  SECRET_PASSWORD,
  SMTP_CREDENTIAL,
  TEST_CREDENTIALS_KEY,
} from './credentialTestKit.test-helpers';
import {
  asUser,
  BASE_PATH,
  closeTestServers,
  createTestServer,
  headerAuthenticate,
  type Json,
  readResponse,
  type TestResponse,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const ADA = asUser('ada');
const BOB = asUser('bob');
const SUMMARY_KEYS = [
  'created_at',
  'created_by',
  'credential_id',
  'name',
  'tenant_id',
  'type',
  'updated_at',
];

/**
 * A server with credentials whose `send` keeps the raw text of every answer, so a test can
 * check that none of them ever held the secret.
 */
function credentialServer(options: WorkflowServerOptions = {}) {
  const t = createTestServer({
    authenticate: headerAuthenticate,
    credentialsKey: TEST_CREDENTIALS_KEY,
    ...options,
  });
  const answers: string[] = [];
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = ADA,
  ): Promise<TestResponse> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...headers };
    }
    const response = await t.server.fetch(new Request(`http://test${BASE_PATH}${path}`, init));
    answers.push(await response.clone().text());
    return readResponse(response);
  };
  const create = async (body: Json = SMTP_CREDENTIAL, headers = ADA) => {
    const response = await send('POST', '/credentials', body, headers);
    expect(response.status).toBe(201);
    return response.body as Json;
  };
  return { ...t, send, create, answers };
}

describe('credential routes', () => {
  it('creates a credential: 201 with its summary, the data sealed in the store', async () => {
    const t = credentialServer();
    const created = await t.create();
    expect(Object.keys(created).sort()).toEqual(SUMMARY_KEYS);
    expect(created).toMatchObject({ name: 'Mail server', type: 'smtp', created_by: 'ada' });
    const stored = await t.server.store.getCredential(created.credential_id);
    expect(stored!.ciphertext).not.toContain(SECRET_PASSWORD);
    const vault = new CredentialVault(TEST_CREDENTIALS_KEY);
    expect(vault.decrypt(created.credential_id, stored!.ciphertext)).toEqual(SMTP_CREDENTIAL.data);
  });

  it('lists the caller’s credentials with a total, filtered by type', async () => {
    const t = credentialServer();
    const smtp = await t.create();
    const api = await t.create({ name: 'API', type: 'api_key', data: { key: 'k' } });
    await t.create({ name: 'Bob’s', type: 'smtp', data: { key: 'k' } }, BOB);
    const all = await t.send('GET', '/credentials');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.credentials.map((c: Json) => c.credential_id)).toEqual([
      api.credential_id,
      smtp.credential_id,
    ]);
    expect(Object.keys(all.body.credentials[0]).sort()).toEqual(SUMMARY_KEYS);
    const onlySmtp = await t.send('GET', '/credentials?type=smtp&limit=10');
    expect(onlySmtp.body).toMatchObject({ total: 1, credentials: [{ name: 'Mail server' }] });
  });

  it('reads one credential: 200 with its summary', async () => {
    const t = credentialServer();
    const created = await t.create();
    const read = await t.send('GET', `/credentials/${created.credential_id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('renames a credential and replaces its data: 200, the new data sealed', async () => {
    const t = credentialServer();
    const created = await t.create();
    const renamed = await t.send('PUT', `/credentials/${created.credential_id}`, { name: 'SMTP' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'SMTP', credential_id: created.credential_id });
    const before = (await t.server.store.getCredential(created.credential_id))!.ciphertext;
    const replaced = await t.send('PUT', `/credentials/${created.credential_id}`, {
      data: { token: 'new-token-value' },
    });
    expect(replaced.status).toBe(200);
    expect(Object.keys(replaced.body).sort()).toEqual(SUMMARY_KEYS);
    const after = (await t.server.store.getCredential(created.credential_id))!.ciphertext;
    expect(after).not.toBe(before);
    const vault = new CredentialVault(TEST_CREDENTIALS_KEY);
    expect(vault.decrypt(created.credential_id, after)).toEqual({ token: 'new-token-value' });
  });

  it('reseals data kept as it is with the first key when a credential is updated', async () => {
    const old = credentialServer({ credentialsKey: OTHER_CREDENTIALS_KEY });
    const created = await old.create();
    const rotated = credentialServer({
      store: old.server.store,
      credentialsKey: [TEST_CREDENTIALS_KEY, OTHER_CREDENTIALS_KEY],
    });
    const renamed = await rotated.send('PUT', `/credentials/${created.credential_id}`, {
      name: 'Rotated',
    });
    expect(renamed.status).toBe(200);
    const { ciphertext } = (await rotated.server.store.getCredential(created.credential_id))!;
    const newKeyOnly = new CredentialVault(TEST_CREDENTIALS_KEY);
    expect(newKeyOnly.decrypt(created.credential_id, ciphertext)).toEqual(SMTP_CREDENTIAL.data);
  });

  it('deletes a credential: 204 with no body, then 404', async () => {
    const t = credentialServer();
    const created = await t.create();
    const deleted = await t.send('DELETE', `/credentials/${created.credential_id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await t.send('GET', `/credentials/${created.credential_id}`)).status).toBe(404);
    expect(await t.server.store.getCredential(created.credential_id)).toBeNull();
  });

  it.each(['GET', 'PUT', 'DELETE'])(
    'answers 404 to %s of a credential that does not exist',
    async (method) => {
      const t = credentialServer();
      const response = await t.send(
        method,
        '/credentials/cred_missing',
        method === 'PUT' ? { name: 'x' } : undefined,
      );
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    },
  );

  it('answers 401 to a caller who is not signed in', async () => {
    const t = credentialServer();
    const created = await t.create();
    for (const [method, path, body] of [
      ['POST', '/credentials', SMTP_CREDENTIAL],
      ['GET', '/credentials', undefined],
      ['GET', `/credentials/${created.credential_id}`, undefined],
      ['PUT', `/credentials/${created.credential_id}`, { name: 'x' }],
      ['DELETE', `/credentials/${created.credential_id}`, undefined],
    ] as const) {
      expect((await t.send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers 403 to another user, and changes nothing', async () => {
    const t = credentialServer();
    const created = await t.create();
    const path = `/credentials/${created.credential_id}`;
    expect((await t.send('GET', path, undefined, BOB)).status).toBe(403);
    expect((await t.send('PUT', path, { data: { password: 'mine' } }, BOB)).status).toBe(403);
    expect((await t.send('DELETE', path, undefined, BOB)).status).toBe(403);
    expect((await t.send('GET', path)).body).toEqual(created);
  });

  it('answers 501 NOT_CONFIGURED on every credential route without a credentialsKey', async () => {
    const t = credentialServer({ credentialsKey: undefined });
    for (const [method, path, body] of [
      ['POST', '/credentials', SMTP_CREDENTIAL],
      ['GET', '/credentials', undefined],
      ['GET', '/credentials/cred_1', undefined],
      ['PUT', '/credentials/cred_1', { name: 'x' }],
      ['DELETE', '/credentials/cred_1', undefined],
    ] as const) {
      const response = await t.send(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(501);
      expect(response.body.error.code).toBe('NOT_CONFIGURED');
    }
    expect(await t.server.store.listCredentials()).toEqual({ credentials: [], total: 0 });
  });

  it('never answers with the data or the ciphertext', async () => {
    const t = credentialServer();
    const created = await t.create();
    const path = `/credentials/${created.credential_id}`;
    const ciphertexts: string[] = [];
    const keepCiphertext = async () =>
      ciphertexts.push((await t.server.store.getCredential(created.credential_id))!.ciphertext);
    await keepCiphertext();
    await t.send('GET', '/credentials');
    await t.send('GET', path);
    await t.send('PUT', path, { name: 'Renamed' });
    await t.send('PUT', path, { data: { password: `${SECRET_PASSWORD}-2` } });
    await keepCiphertext();
    await t.send('POST', '/credentials', { ...SMTP_CREDENTIAL, extra: SECRET_PASSWORD });
    await t.send('POST', '/credentials', { ...SMTP_CREDENTIAL, name: '' });
    await t.send('GET', path, undefined, BOB);
    await t.send('DELETE', path);
    expect(t.answers).toHaveLength(9);
    for (const answer of t.answers) {
      expect(answer).not.toContain(SECRET_PASSWORD);
      for (const ciphertext of ciphertexts) expect(answer).not.toContain(ciphertext);
      expect(answer).not.toContain('fl1.');
    }
  });
});

describe('credential routes: bad input', () => {
  const big = 'x'.repeat(16 * 1024 + 1);
  const fields = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, n) => [`f${n}`, 'v']));

  it.each<[string, unknown, string]>([
    ['an unknown key', { ...SMTP_CREDENTIAL, data_plain: 'x' }, 'data_plain'],
    ['a name over 200 characters', { ...SMTP_CREDENTIAL, name: 'n'.repeat(201) }, 'name'],
    ['an empty name', { ...SMTP_CREDENTIAL, name: '  ' }, 'name'],
    ['a type with spaces', { ...SMTP_CREDENTIAL, type: 'my type' }, 'type'],
    ['no data', { name: 'x', type: 'smtp' }, 'data'],
    ['data that is an array', { ...SMTP_CREDENTIAL, data: ['a'] }, 'data'],
    ['data without fields', { ...SMTP_CREDENTIAL, data: {} }, 'data'],
    ['a value that is not a string', { ...SMTP_CREDENTIAL, data: { port: 25 } }, 'data.port'],
    ['a value over 16 KB', { ...SMTP_CREDENTIAL, data: { big } }, 'data.big'],
    ['51 fields', { ...SMTP_CREDENTIAL, data: fields(51) }, 'data'],
    ['a field name with spaces', { ...SMTP_CREDENTIAL, data: { 'a b': 'x' } }, 'data.a b'],
  ])('refuses a credential with %s: 400 naming the field', async (_label, body, path) => {
    const t = credentialServer();
    const response = await t.send('POST', '/credentials', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((issue: Json) => issue.path)).toContain(path);
    expect(await t.server.store.listCredentials()).toMatchObject({ total: 0 });
  });

  it('refuses a __proto__ field rather than dropping it', async () => {
    const t = credentialServer();
    const body = `{"name":"x","type":"smtp","data":{"__proto__":"x","ok":"y"}}`;
    const response = await t.send('POST', '/credentials', body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: Json) => issue.path)).toContain('data.__proto__');
  });

  it('accepts 50 fields of 16 KB each', async () => {
    const t = credentialServer({ bodyLimit: 2 * 1024 * 1024 });
    const data = Object.fromEntries(
      Array.from({ length: 50 }, (_, n) => [`f${n}`, 'x'.repeat(16 * 1024)]),
    );
    expect((await t.send('POST', '/credentials', { ...SMTP_CREDENTIAL, data })).status).toBe(201);
  });

  it.each<[string, unknown]>([
    ['an empty body', {}],
    ['an unknown key', { name: 'x', ciphertext: 'mine' }],
    ['a value that is not a string', { data: { password: 1 } }],
  ])('refuses an update with %s: 400', async (_label, body) => {
    const t = credentialServer();
    const created = await t.create();
    const response = await t.send('PUT', `/credentials/${created.credential_id}`, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a list query with a bad type or limit: 400', async () => {
    const t = credentialServer();
    expect((await t.send('GET', '/credentials?type=a%20b')).status).toBe(400);
    expect((await t.send('GET', '/credentials?limit=0')).status).toBe(400);
  });
});
