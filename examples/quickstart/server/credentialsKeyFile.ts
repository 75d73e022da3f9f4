import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CredentialVault } from '@flowloom/server-adapter';

/** The name of the key file, kept beside the database file. */
export const KEY_FILE_NAME = 'flowloom.key';

/**
 * The key credentials are sealed with: read from `flowloom.key` beside the database file, or
 * made on first start and written there (mode 0600, readable by this user only). Losing the
 * file loses the stored credentials; anyone who reads it can open them.
 *
 * @remarks An in-memory database gets a fresh key that is never written: its credentials end
 * with the process anyway.
 */
export function credentialsKeyFile(
  databasePath: string,
  log: { warn(message: string): void } = console,
): string {
  if (databasePath === ':memory:') return CredentialVault.generateKey();
  const keyPath = path.join(path.dirname(path.resolve(databasePath)), KEY_FILE_NAME);
  const existing = readKey(keyPath, log);
  if (existing !== undefined) return existing;
  const key = CredentialVault.generateKey();
  try {
    // `wx`: a second process starting at the same moment keeps the first one's key.
    writeFileSync(keyPath, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(keyPath, log)!;
    throw error;
  }
}

function readKey(keyPath: string, log: { warn(message: string): void }): string | undefined {
  let text: string;
  try {
    text = readFileSync(keyPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (process.platform !== 'win32' && (statSync(keyPath).mode & 0o077) !== 0) {
    log.warn(`[quickstart] ${keyPath} is readable by other users: chmod 600 it.`);
  }
  return text.trim();
}
