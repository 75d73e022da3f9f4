import {
  type CredentialSummary,
  CredentialSummarySchema,
  createId,
  ErrorCode,
  type StoredCredential,
} from '@flowloom/core';
import type { Hono } from 'hono';
import { tenantOf } from '../auth/tenantOf';
import type { CredentialVault } from '../credentials/CredentialVault';
import type { ApiDependencies, ApiEnv } from './apiEnv';
import {
  CreateCredentialRequestSchema,
  ListCredentialsQuerySchema,
  UpdateCredentialRequestSchema,
} from './credentialSchemas';
import { httpError, json } from './errorResponse';
import type { GuardRoute } from './guardRoute';
import { listForUser } from './listForUser';
import { loadOwnedCredential } from './loadOwned';
import { parseInput } from './parseInput';
import { readJsonBody } from './readJsonBody';

/**
 * The credential routes: create, list, read, update and delete. Data goes in, sealed by the
 * vault before the store sees it, and never comes out: every answer is a summary, without data
 * or ciphertext. Without `credentialsKey` every route answers 501 `NOT_CONFIGURED`.
 */
export function addCredentialRoutes(
  app: Hono<ApiEnv>,
  deps: ApiDependencies,
  guard: GuardRoute,
): void {
  app.post('/credentials', guard('createCredential'), async (c) => {
    const vault = vaultOf(deps);
    const user = c.get('user');
    await deps.access.authorize(user, 'credentials:create', { type: 'credential' });
    const body = parseInput(
      CreateCredentialRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'credential',
    );
    // The id is chosen here because the ciphertext is bound to it.
    const credentialId = createId('cred');
    const created = await deps.store.createCredential({
      credential_id: credentialId,
      name: body.name,
      type: body.type,
      ciphertext: vault.encrypt(credentialId, body.data),
      created_by: user.id,
      tenant_id: tenantOf(user),
    });
    return json(201, summaryOf(created));
  });

  app.get('/credentials', guard('listCredentials'), async (c) => {
    vaultOf(deps);
    const user = c.get('user');
    const query = parseInput(ListCredentialsQuerySchema, c.req.query(), 'query');
    await deps.access.authorize(user, 'credentials:list', { type: 'credential' });
    const { items, total } = await listForUser<CredentialSummary>(
      deps,
      user,
      {
        type: 'credential',
        idOf: (credential) => credential.credential_id,
        read: async (page, access) => {
          const list = await deps.store.listCredentials({ type: query.type, ...page, access });
          return { items: list.credentials, total: list.total };
        },
      },
      query,
    );
    return json(200, { credentials: items.map(summaryOf), total });
  });

  app.get('/credentials/:credential_id', guard('getCredential'), async (c) => {
    vaultOf(deps);
    const credential = await loadOwnedCredential(
      deps,
      c.get('user'),
      c.req.param('credential_id'),
      'credentials:read',
    );
    return json(200, summaryOf(credential));
  });

  app.put('/credentials/:credential_id', guard('updateCredential'), async (c) => {
    const vault = vaultOf(deps);
    const credential = await loadOwnedCredential(
      deps,
      c.get('user'),
      c.req.param('credential_id'),
      'credentials:update',
    );
    const body = parseInput(
      UpdateCredentialRequestSchema,
      await readJsonBody(c.req.raw, deps.bodyLimit, deps.limits.maxJsonDepth),
      'credential',
    );
    const { credential_id: id } = credential;
    // New data is sealed with the first key; data kept as it is moves to the first key too.
    let ciphertext: string | undefined;
    if (body.data !== undefined) ciphertext = vault.encrypt(id, body.data);
    else if (vault.needsRotation(credential.ciphertext)) {
      ciphertext = vault.encrypt(id, vault.decrypt(id, credential.ciphertext));
    }
    const updated = await deps.store.updateCredential(id, { name: body.name, ciphertext });
    return json(200, summaryOf(updated));
  });

  app.delete('/credentials/:credential_id', guard('deleteCredential'), async (c) => {
    vaultOf(deps);
    const credential = await loadOwnedCredential(
      deps,
      c.get('user'),
      c.req.param('credential_id'),
      'credentials:delete',
    );
    await deps.store.deleteCredential(credential.credential_id);
    return new Response(null, { status: 204 });
  });
}

/** The vault, or the 501 of a server started without `credentialsKey`. */
function vaultOf(deps: ApiDependencies): CredentialVault {
  if (deps.vault) return deps.vault;
  throw httpError(
    ErrorCode.NOT_CONFIGURED,
    'Credentials are not configured on this server: start it with a credentialsKey',
  );
}

/** A credential as answers show it: only the summary's fields, never data or ciphertext. */
function summaryOf(credential: StoredCredential | CredentialSummary): CredentialSummary {
  return CredentialSummarySchema.parse(credential);
}
