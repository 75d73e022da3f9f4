import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ErrorCode, FlowloomError } from '@flowloom/core';

/** The format tag every ciphertext starts with; a new format gets a new tag. */
const FORMAT = 'fl1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A key and the id that names it in ciphertexts. */
interface VaultKey {
  id: string;
  key: Buffer;
}

/** One base64 32-byte key, or several: the first encrypts, the others still decrypt. */
export type CredentialsKey = string | readonly string[];

/**
 * Seals credential data with AES-256-GCM: a random 96-bit IV per record, the 128-bit tag kept,
 * and the credential's id bound in as associated data, so a ciphertext can't be moved to
 * another record. A ciphertext reads `fl1.<key id>.<iv>.<tag>.<data>` (base64url parts); the
 * key id, a hash of the key, picks the key that opens it, which is what makes rotation work.
 *
 * @example
 * const vault = new CredentialVault([process.env.NEW_KEY!, process.env.OLD_KEY!]);
 * const ciphertext = vault.encrypt('cred_1', { password: 'hunter2' });
 * vault.decrypt('cred_1', ciphertext); // { password: 'hunter2' }
 */
export class CredentialVault {
  private readonly keys: readonly VaultKey[];

  /**
   * @throws FlowloomError `VALIDATION_FAILED` for no key, or a key that is not 32 bytes of base64.
   */
  constructor(keys: CredentialsKey) {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    if (list.length === 0) throw invalidKey('Give at least one key');
    this.keys = list.map((text, index) => {
      const key = decodeKey(text);
      if (!key) {
        throw invalidKey(`Key ${index + 1} is not ${KEY_BYTES} bytes of base64`);
      }
      return { id: keyIdOf(key), key };
    });
  }

  /** A new random key, base64: what `credentialsKey` takes. */
  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  /** Seals a credential's data with the first key. */
  encrypt(credentialId: string, data: Readonly<Record<string, string>>): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(credentialId));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return [FORMAT, id, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /**
   * Opens a ciphertext sealed for this credential.
   *
   * @throws FlowloomError `INTERNAL_ERROR` when no configured key made it, or it was changed,
   * moved from another credential or made with another key: never garbage.
   */
  decrypt(credentialId: string, ciphertext: string): Record<string, string> {
    const parts = ciphertext.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT) {
      throw unreadable(credentialId, 'it is not a sealed credential');
    }
    const [, keyId, iv, tag, sealed] = parts as [string, string, string, string, string];
    const key = this.keys.find((candidate) => candidate.id === keyId);
    if (!key) {
      throw unreadable(credentialId, `it was sealed with a key that is not configured (${keyId})`);
    }
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(associatedData(credentialId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      plain = Buffer.concat([
        decipher.update(Buffer.from(sealed, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch (error) {
      throw unreadable(credentialId, 'it was changed, or belongs to another credential', error);
    }
    return JSON.parse(plain) as Record<string, string>;
  }

  /** Whether a ciphertext was sealed with another key than the first: reseal it on update. */
  needsRotation(ciphertext: string): boolean {
    return ciphertext.split('.')[1] !== this.keys[0]!.id;
  }
}

/** A key's bytes from base64 (standard or url-safe), or `undefined` when it isn't 32 bytes. */
function decodeKey(text: unknown): Buffer | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text.trim())) return undefined;
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** A short, stable name of a key: a hash, so it tells nothing about the key itself. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('flowloom-credential-key\0')
    .update(key)
    .digest()
    .subarray(0, 6)
    .toString('base64url');
}

function associatedData(credentialId: string): Buffer {
  return Buffer.from(`flowloom-credential\0${credentialId}`, 'utf8');
}

function invalidKey(message: string): FlowloomError {
  return new FlowloomError(ErrorCode.VALIDATION_FAILED, `Invalid credentialsKey: ${message}`, {
    issues: [{ path: 'credentialsKey', message }],
  });
}

function unreadable(credentialId: string, why: string, cause?: unknown): FlowloomError {
  return new FlowloomError(
    ErrorCode.INTERNAL_ERROR,
    `Credential "${credentialId}" can't be decrypted: ${why}`,
    cause === undefined ? {} : { cause },
  );
}
