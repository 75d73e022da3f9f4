import {
  type CredentialResolver,
  type CredentialSummary,
  ErrorCode,
  FlowloomError,
  type StoredCredential,
  type WorkflowStore,
} from '@flowloom/core';
import type { CreateCredentialRequest, UpdateCredentialRequest } from '../client/clientTypes';

/** What the API shows of a stored credential: everything but the sealed data. */
function summaryOf({ ciphertext: _sealed, ...summary }: StoredCredential): CredentialSummary {
  return summary;
}

/**
 * The fake API's credentials, kept in the fake's store as the server keeps them: the data only
 * in `ciphertext`, and only summaries handed out, so no answer of the fake can echo a secret.
 * It also resolves references for the fake's engine, so runs can use the credentials.
 *
 * @remarks The fake does not encrypt: its "ciphertext" is the data's JSON, so a test that looks
 * for a secret in an answer finds it if it ever leaks. `configured = false` makes every
 * credential route answer 501 `NOT_CONFIGURED` (and runs fail the same way), as a server
 * without a credential key does.
 */
export class FakeCredentialStore implements CredentialResolver {
  /** Whether the fake server has a credential key. @default true */
  configured = true;
  readonly #store: () => WorkflowStore;

  /** @param store - the store to keep credentials in, read at each call (a reset swaps it). */
  constructor(store: () => WorkflowStore) {
    this.#store = store;
  }

  /** Stores a credential; resolves to its summary. */
  async create(
    request: CreateCredentialRequest,
    createdBy: string | null,
  ): Promise<CredentialSummary> {
    const stored = await this.#store().createCredential({
      name: request.name,
      type: request.type,
      ciphertext: JSON.stringify(request.data),
      created_by: createdBy,
    });
    return summaryOf(stored);
  }

  /** The summaries, newest first; only those of `type` when given; the server's page of 100. */
  async list(
    type?: string,
    page: { limit?: number; offset?: number } = {},
  ): Promise<{ credentials: CredentialSummary[]; total: number }> {
    return this.#store().listCredentials({
      type,
      limit: page.limit ?? 100,
      offset: page.offset ?? 0,
    });
  }

  /** One credential's summary, or undefined when there is none with that id. */
  async get(credentialId: string): Promise<CredentialSummary | undefined> {
    const stored = await this.#store().getCredential(credentialId);
    return stored ? summaryOf(stored) : undefined;
  }

  /** Renames a credential or replaces its data; undefined when there is none with that id. */
  async update(
    credentialId: string,
    patch: UpdateCredentialRequest,
  ): Promise<CredentialSummary | undefined> {
    if (!(await this.#store().getCredential(credentialId))) return undefined;
    const updated = await this.#store().updateCredential(credentialId, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.data === undefined ? {} : { ciphertext: JSON.stringify(patch.data) }),
    });
    return summaryOf(updated);
  }

  /** Deletes a credential; false when there was none with that id. */
  async delete(credentialId: string): Promise<boolean> {
    return this.#store().deleteCredential(credentialId);
  }

  /**
   * The data stored for a credential, for a test to check what a form sent. No route of the fake
   * answers with it.
   */
  async dataOf(credentialId: string): Promise<Record<string, string> | undefined> {
    const stored = await this.#store().getCredential(credentialId);
    return stored ? (JSON.parse(stored.ciphertext) as Record<string, string>) : undefined;
  }

  /** Hands a credential's data to the fake's engine when a step starts. */
  async resolve(credentialId: string): Promise<{ type: string; data: Record<string, string> }> {
    if (!this.configured) {
      throw new FlowloomError(ErrorCode.NOT_CONFIGURED, 'Credentials are not configured');
    }
    const stored = await this.#store().getCredential(credentialId);
    if (!stored) {
      throw new FlowloomError(
        ErrorCode.CREDENTIAL_NOT_FOUND,
        `Credential "${credentialId}" does not exist`,
      );
    }
    return { type: stored.type, data: JSON.parse(stored.ciphertext) as Record<string, string> };
  }
}
