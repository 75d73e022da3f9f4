import { describe, expect, it } from 'vitest';
import {
  OTHER_CREDENTIALS_KEY,
  SECRET_PASSWORD,
  TEST_CREDENTIALS_KEY,
} from '../http/credentialTestKit.test-helpers';
import { CredentialVault } from './CredentialVault';

const DATA = { username: 'ada', password: SECRET_PASSWORD, note: 'é 🙂 \u0000' };

/** The ciphertext with one character of one dot-separated part changed. */
function tampered(ciphertext: string, partIndex: number): string {
  const parts = ciphertext.split('.');
  const part = parts[partIndex]!;
  parts[partIndex] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('CredentialVault', () => {
  const vault = new CredentialVault(TEST_CREDENTIALS_KEY);

  it('decrypts what it encrypted', () => {
    const ciphertext = vault.encrypt('cred_1', DATA);
    expect(vault.decrypt('cred_1', ciphertext)).toEqual(DATA);
  });

  it('writes the format, the key id, the IV, the tag and the data, and never the plaintext', () => {
    const ciphertext = vault.encrypt('cred_1', DATA);
    const [format, keyId, iv, tag, sealed] = ciphertext.split('.');
    expect(format).toBe('fl1');
    expect(keyId).toMatch(/^[\w-]{8}$/);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(sealed!.length).toBeGreaterThan(0);
    expect(ciphertext).not.toContain(SECRET_PASSWORD);
    expect(Buffer.from(sealed!, 'base64url').toString('latin1')).not.toContain(SECRET_PASSWORD);
  });

  it('uses a fresh random IV for every encryption', () => {
    const ivs = new Set(
      Array.from({ length: 20 }, () => vault.encrypt('cred_1', DATA).split('.')[2]),
    );
    expect(ivs.size).toBe(20);
  });

  it('accepts a url-safe base64 key as the same key', () => {
    const urlSafe = Buffer.from(TEST_CREDENTIALS_KEY, 'base64').toString('base64url');
    expect(new CredentialVault(urlSafe).decrypt('c', vault.encrypt('c', DATA))).toEqual(DATA);
  });

  it('makes keys that it accepts', () => {
    const key = CredentialVault.generateKey();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const fresh = new CredentialVault(key);
    expect(fresh.decrypt('c', fresh.encrypt('c', DATA))).toEqual(DATA);
  });

  describe('rotation', () => {
    const old = new CredentialVault(OTHER_CREDENTIALS_KEY);
    const rotated = new CredentialVault([TEST_CREDENTIALS_KEY, OTHER_CREDENTIALS_KEY]);

    it('still decrypts with an older key after a new one was put first', () => {
      expect(rotated.decrypt('cred_1', old.encrypt('cred_1', DATA))).toEqual(DATA);
    });

    it('encrypts with the first key only', () => {
      const sealed = rotated.encrypt('cred_1', DATA);
      expect(vault.decrypt('cred_1', sealed)).toEqual(DATA);
      expect(() => old.decrypt('cred_1', sealed)).toThrow(/key that is not configured/);
    });

    it('says which ciphertexts were sealed with an older key', () => {
      expect(rotated.needsRotation(old.encrypt('c', DATA))).toBe(true);
      expect(rotated.needsRotation(rotated.encrypt('c', DATA))).toBe(false);
    });
  });

  describe('refusals', () => {
    const ciphertext = vault.encrypt('cred_1', DATA);

    it.each([
      ['the IV', 2],
      ['the tag', 3],
      ['the data', 4],
    ])('refuses a ciphertext whose %s was changed, with a clear error', (_part, index) => {
      expect(() => vault.decrypt('cred_1', tampered(ciphertext, index))).toThrow(
        expect.objectContaining({
          code: 'INTERNAL_ERROR',
          message: expect.stringContaining("can't be decrypted"),
        }),
      );
    });

    it('refuses a ciphertext moved to another credential', () => {
      expect(() => vault.decrypt('cred_2', ciphertext)).toThrow(/belongs to another credential/);
    });

    it('refuses a ciphertext sealed with a key it does not have', () => {
      const other = new CredentialVault(OTHER_CREDENTIALS_KEY);
      expect(() => other.decrypt('cred_1', ciphertext)).toThrow(
        expect.objectContaining({ code: 'INTERNAL_ERROR' }),
      );
    });

    it('refuses a ciphertext whose key id was forged to name its own key', () => {
      const other = new CredentialVault(OTHER_CREDENTIALS_KEY);
      const forged = other.encrypt('x', {}).split('.')[1]!;
      const parts = ciphertext.split('.');
      parts[1] = forged;
      expect(() => other.decrypt('cred_1', parts.join('.'))).toThrow(/changed/);
    });

    it.each(['', 'plain text', 'fl1.a.b.c', 'fl2.a.b.c.d'])(
      'refuses %j as not a sealed credential',
      (text) => {
        expect(() => vault.decrypt('cred_1', text)).toThrow(/not a sealed credential/);
      },
    );

    it.each([
      ['no key', []],
      ['a short key', Buffer.alloc(16).toString('base64')],
      ['a long key', Buffer.alloc(48).toString('base64')],
      ['text that is not base64', 'not a key at all!'],
      ['a bad second key', [TEST_CREDENTIALS_KEY, 'nope']],
    ])('refuses %s as credentialsKey', (_label, keys) => {
      expect(() => new CredentialVault(keys as string | string[])).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });
});
