import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, type WorkflowStore } from '@flowloom/core';
import { Pool } from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  SECRET_PASSWORD,
  SMTP_CREDENTIAL,
  TEST_CREDENTIALS_KEY,
} from '../http/credentialTestKit.test-helpers';
import { closeTestServers, createTestServer } from '../http/testServer.test-helpers';
import { PostgresStore } from '../stores/PostgresStore';
import { SqliteStore } from '../stores/SqliteStore';

afterEach(closeTestServers);

const folder = mkdtempSync(join(tmpdir(), 'flowloom-credentials-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The second secret a test stores, replacing the first. */
const NEW_SECRET = `${SECRET_PASSWORD}-replaced`;

/** Creates a credential and replaces its data through the API of a server on `store`. */
async function storeSecretsThroughApi(store: WorkflowStore): Promise<string> {
  const t = createTestServer({ store, credentialsKey: TEST_CREDENTIALS_KEY });
  const created = await t.request('POST', '/credentials', SMTP_CREDENTIAL);
  expect(created.status).toBe(201);
  const id = created.body.credential_id as string;
  const updated = await t.request('PUT', `/credentials/${id}`, { data: { password: NEW_SECRET } });
  expect(updated.status).toBe(200);
  await t.request('POST', '/credentials', { ...SMTP_CREDENTIAL, name: 'Second' });
  return id;
}

describe('stored credentials hold only ciphertext', () => {
  it('MemoryStore: no record holds the secret', async () => {
    const store = new MemoryStore();
    const id = await storeSecretsThroughApi(store);
    const all = JSON.stringify([await store.getCredential(id), await store.listCredentials()]);
    expect(all).not.toContain(SECRET_PASSWORD);
    expect(all).toContain('fl1.');
  });

  it('SqliteStore: the database file’s bytes hold neither secret', async () => {
    const file = join(folder, 'credentials.db');
    const store = new SqliteStore(file);
    await storeSecretsThroughApi(store);
    await store.close();
    for (const path of [file, `${file}-wal`]) {
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      expect(bytes.includes(Buffer.from(SECRET_PASSWORD)), path).toBe(false);
      expect(bytes.includes(Buffer.from(SECRET_PASSWORD, 'utf16le')), path).toBe(false);
    }
    expect(readFileSync(file).includes(Buffer.from('fl1.'))).toBe(true);
  });

  const databaseUrl = process.env.DATABASE_URL;
  it.skipIf(!databaseUrl)('PostgresStore: SELECT * of the table holds neither secret', async () => {
    const pool = new Pool({ connectionString: databaseUrl });
    const schema = `flowloom_test_cred_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    try {
      await storeSecretsThroughApi(new PostgresStore({ pool, schema }));
      const { rows } = await pool.query(`SELECT * FROM "${schema}".credentials`);
      expect(rows).toHaveLength(2);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(SECRET_PASSWORD);
      expect(text).toContain('fl1.');
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });
});
