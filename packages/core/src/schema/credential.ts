import { z } from 'zod';

/**
 * A credential as a store keeps it: its secret `data` only as `ciphertext`, sealed by the
 * server's key before the store sees it. No plaintext field exists, so none can be stored.
 */
export const StoredCredentialSchema = z.object({
  /** Unique id of the credential; what a `secret` parameter's reference names. */
  credential_id: z.string().min(1),
  /** Display name. */
  name: z.string().min(1),
  /** What it is for (`smtp`, `api_key`, ...): a `secret` parameter may ask for one type. */
  type: z.string().min(1),
  /** The encrypted data, as the server's vault wrote it (key id, IV, tag and ciphertext). */
  ciphertext: z.string().min(1),
  /** Id of the user who created it. */
  created_by: z.string().nullable(),
  /** The team it belongs to: users of the same tenant may use it. */
  tenant_id: z.string().nullable(),
  /** ISO time it was created. */
  created_at: z.string(),
  /** ISO time it last changed. */
  updated_at: z.string(),
});

/** A stored credential: its data encrypted. */
export type StoredCredential = z.infer<typeof StoredCredentialSchema>;

/** A credential as lists and the API show it: never its data, not even encrypted. */
export const CredentialSummarySchema = StoredCredentialSchema.omit({ ciphertext: true });

/** A credential without its data. */
export type CredentialSummary = z.infer<typeof CredentialSummarySchema>;
