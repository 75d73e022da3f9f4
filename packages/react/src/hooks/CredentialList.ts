import type { CredentialSummary } from '@flowloom/core';
import type {
  ClientResult,
  CreateCredentialRequest,
  CredentialPage,
  UpdateCredentialRequest,
  WorkflowClient,
} from '../client/clientTypes';
import { ClientQuery } from './ClientQuery';

/**
 * The credentials of one type (or all) on a client, kept current when credentials are created,
 * updated or deleted through any list of the same client. Framework-free; `useCredentials`
 * reads it.
 */
export class CredentialList {
  readonly query: ClientQuery<CredentialPage>;
  /** The type listed; undefined lists every type. */
  readonly type: string | undefined;
  readonly #client: WorkflowClient;
  readonly #siblings: () => Iterable<CredentialList>;

  /**
   * @param siblings - the other lists of the same client, refreshed after a change made through
   * this one (so a credential created in one picker shows in every picker on screen).
   */
  constructor(
    client: WorkflowClient,
    type?: string,
    siblings: () => Iterable<CredentialList> = () => [],
  ) {
    this.#client = client;
    this.type = type || undefined;
    this.#siblings = siblings;
    this.query = new ClientQuery(() => client.listCredentials({ type: this.type }));
  }

  /** Stores a credential; on success the lists on screen are fetched again before this resolves. */
  readonly createCredential = async (
    request: CreateCredentialRequest,
  ): Promise<ClientResult<CredentialSummary>> =>
    this.#refreshAfter(await this.#client.createCredential(request));

  /** Renames a credential or replaces its data, then refreshes the lists on screen. */
  readonly updateCredential = async (
    credentialId: string,
    patch: UpdateCredentialRequest,
  ): Promise<ClientResult<CredentialSummary>> =>
    this.#refreshAfter(await this.#client.updateCredential(credentialId, patch));

  /** Deletes a credential, then refreshes the lists on screen. */
  readonly deleteCredential = async (credentialId: string): Promise<ClientResult<null>> =>
    this.#refreshAfter(await this.#client.deleteCredential(credentialId));

  async #refreshAfter<T>(result: ClientResult<T>): Promise<ClientResult<T>> {
    if (!result.success) return result;
    // Lists nobody reads fetch again when a reader mounts; only those on screen go now.
    const onScreen = new Set<CredentialList>([this]);
    for (const sibling of this.#siblings()) {
      if (sibling.query.readers > 0) onScreen.add(sibling);
    }
    await Promise.all([...onScreen].map((list) => list.query.fetch()));
    return result;
  }
}
