import {
  type CredentialResolver,
  ErrorCode,
  FlowloomError,
  type RunOwner,
  type WorkflowStore,
} from '@flowloom/core';
import type { AccessResource, AuthorizeHook, CanAccessHook } from '../auth/authTypes';
import { runOwnerCanAccess } from '../auth/defaultCanAccess';
import type { CredentialVault } from './CredentialVault';

/** Options of {@link createCredentialResolver}. */
export interface CredentialResolverOptions {
  /** Where the credentials are stored. */
  store: WorkflowStore;
  /** Opens their ciphertext. */
  vault: CredentialVault;
  /**
   * The host's access rule, as given to `createWorkflowServer`: the run's owner is asked about
   * as the user `{ id: created_by, tenant_id }`.
   * @default the default rule: credentials of the owner's tenant, or created by them
   * @remarks A run without `created_by` (made straight through the engine) has no user to ask
   * about: it gets the default rule, so only its tenant's credentials and those without owner.
   */
  canAccess?: CanAccessHook;
  /**
   * The host's `authorize` hook, asked `credentials:read` for the run's owner after the access
   * rule: a host that refuses a user a credential refuses it to their runs too.
   */
  authorize?: AuthorizeHook;
}

/**
 * The engine's {@link CredentialResolver}: reads a credential, checks that the run's owner may
 * use it, and decrypts it. Pass it to `new ExecutionEngine({ credentials })`.
 *
 * @example
 * const engine = new ExecutionEngine({ store, credentials: createCredentialResolver({ store, vault }) });
 */
export function createCredentialResolver(options: CredentialResolverOptions): CredentialResolver {
  const canAccess = async (owner: RunOwner, resource: AccessResource): Promise<boolean> => {
    if (!options.canAccess || owner.created_by === null) return runOwnerCanAccess(owner, resource);
    const user = {
      id: owner.created_by,
      ...(owner.tenant_id === null ? {} : { tenant_id: owner.tenant_id }),
    };
    return (await options.canAccess(user, resource)) === true;
  };
  return {
    async resolve(credentialId, owner) {
      const credential = await options.store.getCredential(credentialId);
      if (!credential) {
        throw new FlowloomError(
          ErrorCode.CREDENTIAL_NOT_FOUND,
          `Credential "${credentialId}" does not exist`,
        );
      }
      const resource: AccessResource = {
        type: 'credential',
        id: credentialId,
        created_by: credential.created_by,
        tenant_id: credential.tenant_id,
      };
      if (!(await canAccess(owner, resource))) {
        throw new FlowloomError(
          ErrorCode.FORBIDDEN,
          `This run may not use credential "${credentialId}": it belongs to another user`,
        );
      }
      if (options.authorize && owner.created_by !== null) {
        const user = {
          id: owner.created_by,
          ...(owner.tenant_id === null ? {} : { tenant_id: owner.tenant_id }),
        };
        if (!(await options.authorize(user, 'credentials:read', resource))) {
          throw new FlowloomError(
            ErrorCode.FORBIDDEN,
            `This run may not use credential "${credentialId}": not allowed: credentials:read`,
          );
        }
      }
      return {
        type: credential.type,
        data: options.vault.decrypt(credentialId, credential.ciphertext),
      };
    },
  };
}
