import type { CredentialSummary } from '@flowloom/core';
import { useEffect, useSyncExternalStore } from 'react';
import type {
  ClientError,
  ClientResult,
  CreateCredentialRequest,
  CredentialPage,
  UpdateCredentialRequest,
} from '../client/clientTypes';
import { credentialListOf } from './credentialListOf';
import { useWorkflowClient } from './useWorkflowClient';

/** What {@link useCredentials} returns. */
export interface UseCredentialsResult {
  /** The credentials listed last: names and types, never their data. */
  credentials: CredentialSummary[];
  total: number;
  /** True until the first answer and while refetching. */
  loading: boolean;
  /** Why the last fetch failed; code `NOT_CONFIGURED` (501) when the server has no credential key. */
  error: ClientError | null;
  /** Fetches the list again. */
  refetch: () => Promise<ClientResult<CredentialPage>>;
  /** Stores a credential; on success the lists on screen are refreshed before it resolves. */
  createCredential: (request: CreateCredentialRequest) => Promise<ClientResult<CredentialSummary>>;
  /** Renames a credential or replaces its data, then refreshes the lists on screen. */
  updateCredential: (
    credentialId: string,
    patch: UpdateCredentialRequest,
  ) => Promise<ClientResult<CredentialSummary>>;
  /** Deletes a credential, then refreshes the lists on screen. */
  deleteCredential: (credentialId: string) => Promise<ClientResult<null>>;
}

const NO_CREDENTIALS: CredentialSummary[] = [];

/**
 * The user's credentials of one `type` (every type without one), shared by every caller of the
 * same type on the same client; creating, updating or deleting through any of them refreshes
 * the lists on screen.
 *
 * @example
 * const { credentials, createCredential, error } = useCredentials('bearer');
 * const created = await createCredential({ name: 'GitHub', type: 'bearer', data: { token } });
 * if (created.success) setParameter({ credential_id: created.data.credential_id });
 */
export function useCredentials(type?: string): UseCredentialsResult {
  const list = credentialListOf(useWorkflowClient(), type);
  const { query } = list;
  const state = useSyncExternalStore(query.subscribe, query.getSnapshot, query.getSnapshot);
  useEffect(() => {
    // As for components: the only reader on screen, or one after a failure, fetches again.
    if (query.readers <= 1 || query.getSnapshot().error) query.revalidate();
  }, [query]);
  return {
    credentials: state.data?.credentials ?? NO_CREDENTIALS,
    total: state.data?.total ?? 0,
    loading: state.loading,
    error: state.error,
    refetch: query.fetch,
    createCredential: list.createCredential,
    updateCredential: list.updateCredential,
    deleteCredential: list.deleteCredential,
  };
}
