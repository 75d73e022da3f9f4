import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { CredentialSummary, StoredCredential } from '../schema/credential';
import { createId } from './createId';
import { matchesListAccess } from './matchesListAccess';
import { newestFirst } from './newestFirst';
import { pageOf } from './pageOf';
import type {
  CreateCredentialRecord,
  CredentialPatch,
  ListCredentialsOptions,
} from './WorkflowStore';

/**
 * The credentials of a `MemoryStore`, apart so the store stays readable. Records are frozen and
 * hold only the sealed ciphertext: reads hand them out as they are.
 */
export class MemoryCredentials {
  private readonly credentials = new Map<string, StoredCredential>();

  create(record: CreateCredentialRecord): StoredCredential {
    const credentialId = record.credential_id ?? createId('cred');
    if (this.credentials.has(credentialId)) {
      throw new FlowloomError(ErrorCode.CONFLICT, `Credential "${credentialId}" already exists`);
    }
    const now = new Date().toISOString();
    // Only the record's own fields: whatever else a caller hands in is not kept.
    const stored: StoredCredential = Object.freeze({
      credential_id: credentialId,
      name: record.name,
      type: record.type,
      ciphertext: record.ciphertext,
      created_by: record.created_by ?? null,
      tenant_id: record.tenant_id ?? null,
      created_at: now,
      updated_at: now,
    });
    this.credentials.set(credentialId, stored);
    return stored;
  }

  get(credentialId: string): StoredCredential | null {
    return this.credentials.get(credentialId) ?? null;
  }

  list(options: ListCredentialsOptions = {}): {
    credentials: CredentialSummary[];
    total: number;
  } {
    const matching = [...this.credentials.values()]
      .reverse()
      .filter(
        (credential) =>
          (options.created_by === undefined || credential.created_by === options.created_by) &&
          (options.type === undefined || credential.type === options.type) &&
          matchesListAccess(credential, options.access),
      )
      .sort(newestFirst('created_at'));
    const { items, total } = pageOf(matching, options);
    return { credentials: items.map(({ ciphertext: _sealed, ...summary }) => summary), total };
  }

  update(credentialId: string, patch: CredentialPatch): StoredCredential {
    const credential = this.credentials.get(credentialId);
    if (!credential) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Credential "${credentialId}" does not exist`);
    }
    const updated: StoredCredential = Object.freeze({
      ...credential,
      name: patch.name ?? credential.name,
      ciphertext: patch.ciphertext ?? credential.ciphertext,
      updated_at: new Date().toISOString(),
    });
    this.credentials.set(credentialId, updated);
    return updated;
  }

  delete(credentialId: string): boolean {
    return this.credentials.delete(credentialId);
  }
}
