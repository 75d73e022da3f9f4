import { MemoryStore } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import { SECRET_PASSWORD, TEST_CREDENTIALS_KEY } from '../http/credentialTestKit.test-helpers';
import { CredentialVault } from './CredentialVault';
import { createCredentialResolver } from './createCredentialResolver';

const DATA = { username: 'ada', password: SECRET_PASSWORD };

/** A store holding one sealed credential of Ada's (tenant `acme`), and its resolver's parts. */
async function setup(owner: { created_by: string | null; tenant_id: string | null }) {
  const store = new MemoryStore();
  const vault = new CredentialVault(TEST_CREDENTIALS_KEY);
  await store.createCredential({
    credential_id: 'cred_1',
    name: 'Mail',
    type: 'smtp',
    ciphertext: vault.encrypt('cred_1', DATA),
    ...owner,
  });
  return { store, vault };
}

const ADAS = { created_by: 'ada', tenant_id: 'acme' };

describe('createCredentialResolver', () => {
  it('decrypts a credential for a run of its creator', async () => {
    const resolver = createCredentialResolver(await setup(ADAS));
    expect(await resolver.resolve('cred_1', { created_by: 'ada', tenant_id: null })).toEqual({
      type: 'smtp',
      data: DATA,
    });
  });

  it('decrypts a credential for a run of the same tenant, even one without a creator', async () => {
    const resolver = createCredentialResolver(await setup(ADAS));
    for (const owner of [
      { created_by: 'bob', tenant_id: 'acme' },
      { created_by: null, tenant_id: 'acme' },
    ]) {
      expect((await resolver.resolve('cred_1', owner)).data).toEqual(DATA);
    }
  });

  it.each([
    ['of another tenant', { created_by: 'eve', tenant_id: 'globex' }],
    ['of no tenant', { created_by: 'carl', tenant_id: null }],
    ['without any owner', { created_by: null, tenant_id: null }],
  ])('refuses a run %s with FORBIDDEN', async (_label, owner) => {
    const resolver = createCredentialResolver(await setup(ADAS));
    await expect(resolver.resolve('cred_1', owner)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets any run use a credential stored without an owner', async () => {
    const resolver = createCredentialResolver(await setup({ created_by: null, tenant_id: null }));
    expect((await resolver.resolve('cred_1', { created_by: null, tenant_id: null })).data).toEqual(
      DATA,
    );
  });

  it('answers CREDENTIAL_NOT_FOUND for an id that does not exist', async () => {
    const resolver = createCredentialResolver(await setup(ADAS));
    await expect(resolver.resolve('cred_404', ADAS)).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
    });
  });

  it('asks a custom canAccess about the run’s owner as a user', async () => {
    const canAccess = vi.fn((user: { id: string }) => user.id === 'root');
    const resolver = createCredentialResolver({ ...(await setup(ADAS)), canAccess });
    expect(
      (await resolver.resolve('cred_1', { created_by: 'root', tenant_id: 'ops' })).data,
    ).toEqual(DATA);
    expect(canAccess).toHaveBeenCalledWith(
      { id: 'root', tenant_id: 'ops' },
      { type: 'credential', id: 'cred_1', created_by: 'ada', tenant_id: 'acme' },
    );
    await expect(resolver.resolve('cred_1', ADAS)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("asks the host's authorize hook credentials:read for the run's owner, and obeys a refusal", async () => {
    const authorize = vi.fn(() => false);
    const resolver = createCredentialResolver({ ...(await setup(ADAS)), authorize });
    await expect(resolver.resolve('cred_1', ADAS)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(authorize).toHaveBeenCalledWith({ id: 'ada', tenant_id: 'acme' }, 'credentials:read', {
      type: 'credential',
      id: 'cred_1',
      created_by: 'ada',
      tenant_id: 'acme',
    });
    authorize.mockReturnValue(true);
    expect((await resolver.resolve('cred_1', ADAS)).data).toEqual(DATA);
  });

  it('fails with a clear error, not garbage, when the ciphertext was tampered with', async () => {
    const parts = await setup(ADAS);
    const sealed = (await parts.store.getCredential('cred_1'))!.ciphertext.split('.');
    // The first character of the sealed data: all six of its bits are data.
    sealed[4] = (sealed[4]![0] === 'A' ? 'B' : 'A') + sealed[4]!.slice(1);
    await parts.store.updateCredential('cred_1', { ciphertext: sealed.join('.') });
    await expect(createCredentialResolver(parts).resolve('cred_1', ADAS)).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      message: expect.stringContaining("can't be decrypted"),
    });
  });
});
