import { z } from 'zod';

/**
 * What a `secret` parameter holds: a reference to a stored credential, never the secret itself.
 * With `field`, it resolves to that field's string; without, to the credential's whole `data`.
 */
export const CredentialReferenceSchema = z.strictObject({
  credential_id: z.string().min(1),
  field: z.string().min(1).optional(),
});

/** A reference to a stored credential. */
export type CredentialReference = z.infer<typeof CredentialReferenceSchema>;

/** Who a run belongs to: whose credentials it may use. */
export interface RunOwner {
  created_by: string | null;
  tenant_id: string | null;
}

/**
 * Resolves credential references for the engine, when a step starts. The server provides one
 * that decrypts stored credentials and checks that the run's owner may read them.
 */
export interface CredentialResolver {
  /**
   * The credential's decrypted data.
   *
   * @throws FlowloomError `CREDENTIAL_NOT_FOUND` when it does not exist, `FORBIDDEN` when the
   * owner may not read it.
   */
  resolve(
    credentialId: string,
    owner: RunOwner,
  ): Promise<{ type: string; data: Record<string, string> }>;
}

/** Whether a value is a credential reference. */
export function isCredentialReference(value: unknown): value is CredentialReference {
  return CredentialReferenceSchema.safeParse(value).success;
}
