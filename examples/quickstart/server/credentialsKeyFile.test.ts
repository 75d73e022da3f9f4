import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CredentialVault, SqliteStore } from '@flowloom/server-adapter';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialsKeyFile, KEY_FILE_NAME } from './credentialsKeyFile';
import { apiJson } from './quickstartApi.test-helpers';
import { startQuickstart } from './startQuickstart';

const quietLogger = { info() {}, warn() {}, error: console.error };
let tempDir: string;

beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-quickstart-key-'));
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('credentialsKeyFile', () => {
  it('makes a key on first start and keeps it beside the database, readable by its owner only', () => {
    const databasePath = path.join(tempDir, 'flowloom.db');
    const key = credentialsKeyFile(databasePath);
    const keyPath = path.join(tempDir, KEY_FILE_NAME);
    expect(readFileSync(keyPath, 'utf8').trim()).toBe(key);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
  });

  it('reads the same key on later starts', () => {
    const databasePath = path.join(tempDir, 'flowloom.db');
    expect(credentialsKeyFile(databasePath)).toBe(credentialsKeyFile(databasePath));
  });

  it('warns when the key file is readable by other users', () => {
    const databasePath = path.join(tempDir, 'flowloom.db');
    credentialsKeyFile(databasePath);
    chmodSync(path.join(tempDir, KEY_FILE_NAME), 0o644);
    const warn = vi.fn();
    credentialsKeyFile(databasePath, { warn });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('chmod 600'));
  });

  it('writes no file for an in-memory database', () => {
    const key = credentialsKeyFile(':memory:');
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(existsSync(path.join(process.cwd(), KEY_FILE_NAME))).toBe(false);
  });
});

it('the quickstart seals credentials with its key file, and opens them again after a restart', async () => {
  const databasePath = path.join(tempDir, 'flowloom.db');
  const start = () =>
    startQuickstart({ port: 0, host: '127.0.0.1', databasePath, logger: quietLogger });
  const first = await start();
  const created = await apiJson<{ credential_id: string }>(
    `${first.url}/api/workflow/credentials`,
    {
      method: 'POST',
      body: JSON.stringify({ name: 'Mail', type: 'smtp', data: { password: 'hunter2' } }),
      expectStatus: 201,
    },
  );
  await first.close();

  const second = await start();
  try {
    const read = await apiJson<{ name: string }>(
      `${second.url}/api/workflow/credentials/${created.credential_id}`,
    );
    expect(read.name).toBe('Mail');
  } finally {
    await second.close();
  }
  const key = readFileSync(path.join(tempDir, KEY_FILE_NAME), 'utf8').trim();
  const store = new SqliteStore(databasePath);
  try {
    const stored = await store.getCredential(created.credential_id);
    expect(new CredentialVault(key).decrypt(created.credential_id, stored!.ciphertext)).toEqual({
      password: 'hunter2',
    });
  } finally {
    await store.close();
  }
});
