import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { pause } from './contractSamples';
import type { CreateCredentialRecord, WorkflowStore } from './WorkflowStore';

const CREDENTIAL_KEYS = [
  'ciphertext',
  'created_at',
  'created_by',
  'credential_id',
  'name',
  'tenant_id',
  'type',
  'updated_at',
];

/** A credential record with sealed-looking data. */
function sampleCredential(overrides: Partial<CreateCredentialRecord> = {}): CreateCredentialRecord {
  return {
    name: 'Mail server',
    type: 'smtp',
    ciphertext: 'v1.key.iv.tag.sealed',
    created_by: 'u1',
    tenant_id: 't1',
    ...overrides,
  };
}

/**
 * The credential part of `describeWorkflowStoreContract`: a store keeps a credential's
 * ciphertext as given, never a plaintext field, and lists credentials without it.
 */
export function describeCredentialStoreContract(store: () => WorkflowStore): void {
  describe('credentials', () => {
    it('stores a credential under a new id and reads it back', async () => {
      const created = await store().createCredential(sampleCredential());
      expect(created).toMatchObject({
        name: 'Mail server',
        type: 'smtp',
        ciphertext: 'v1.key.iv.tag.sealed',
        created_by: 'u1',
        tenant_id: 't1',
      });
      expect(created.credential_id).toMatch(/\S/);
      expect(created.created_at).toBe(created.updated_at);
      expect(await store().getCredential(created.credential_id)).toEqual(created);
      expect(await store().getCredential('missing')).toBeNull();
    });

    it('stores a credential under the id it is given, and refuses a taken one', async () => {
      const created = await store().createCredential(sampleCredential({ credential_id: 'cred_1' }));
      expect(created.credential_id).toBe('cred_1');
      const error = await store()
        .createCredential(sampleCredential({ credential_id: 'cred_1' }))
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(FlowloomError);
      expect(error).toMatchObject({ code: 'CONFLICT' });
    });

    it('keeps only what it is given: no plaintext field is stored or read back', async () => {
      const withPlaintext = {
        ...sampleCredential({ created_by: null, tenant_id: null }),
        data: { password: 'hunter2' },
        password: 'hunter2',
      } as CreateCredentialRecord;
      const created = await store().createCredential(withPlaintext);
      const read = await store().getCredential(created.credential_id);
      for (const record of [created, read]) {
        expect(Object.keys(record!).sort()).toEqual(CREDENTIAL_KEYS);
        expect(JSON.stringify(record)).not.toContain('hunter2');
      }
      expect(read).toMatchObject({ created_by: null, tenant_id: null });
    });

    it('lists credentials newest first without their ciphertext, by type and access', async () => {
      const ids: string[] = [];
      for (const [created_by, tenant_id, type] of [
        ['u1', 't1', 'smtp'],
        ['u2', 't1', 'api_key'],
        ['u3', 't2', 'smtp'],
        ['u2', null, 'smtp'],
      ] as const) {
        ids.push(
          (await store().createCredential(sampleCredential({ created_by, tenant_id, type })))
            .credential_id,
        );
        await pause();
      }
      const all = await store().listCredentials();
      expect(all.total).toBe(4);
      expect(all.credentials.map((c) => c.credential_id)).toEqual([...ids].reverse());
      expect(all.credentials[0]).not.toHaveProperty('ciphertext');
      expect(JSON.stringify(all)).not.toContain('sealed');
      const access = { user_id: 'u2', tenant_id: 't1' };
      const reachable = await store().listCredentials({ access });
      expect(reachable.credentials.map((c) => c.credential_id)).toEqual([ids[3], ids[1], ids[0]]);
      const smtp = await store().listCredentials({ access, type: 'smtp' });
      expect(smtp).toMatchObject({ total: 2 });
      expect(smtp.credentials.map((c) => c.credential_id)).toEqual([ids[3], ids[0]]);
      const page = await store().listCredentials({ access, limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.credentials.map((c) => c.credential_id)).toEqual([ids[1]]);
    });

    it('renames a credential and replaces its ciphertext, stamping updated_at', async () => {
      const created = await store().createCredential(sampleCredential());
      await pause();
      const renamed = await store().updateCredential(created.credential_id, { name: 'Renamed' });
      expect(renamed).toMatchObject({ name: 'Renamed', ciphertext: created.ciphertext });
      expect(renamed.updated_at > created.updated_at).toBe(true);
      const resealed = await store().updateCredential(created.credential_id, {
        ciphertext: 'v1.key.iv.tag.other',
      });
      expect(resealed).toMatchObject({
        name: 'Renamed',
        ciphertext: 'v1.key.iv.tag.other',
        created_at: created.created_at,
        created_by: 'u1',
        tenant_id: 't1',
      });
      expect(await store().getCredential(created.credential_id)).toEqual(resealed);
    });

    it('refuses to update a credential that does not exist', async () => {
      await expect(store().updateCredential('ghost', { name: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('deletes a credential', async () => {
      const created = await store().createCredential(sampleCredential());
      expect(await store().deleteCredential(created.credential_id)).toBe(true);
      expect(await store().deleteCredential(created.credential_id)).toBe(false);
      expect(await store().getCredential(created.credential_id)).toBeNull();
      expect((await store().listCredentials()).total).toBe(0);
    });
  });
}
