import { z } from 'zod';

/**
 * What an exported workflow holds where a `secret` parameter referred to a credential: the
 * credential type it needs (the parameter's `credential_type`, or `null`), and no id. Validation
 * reports it as `MISSING_CREDENTIAL` until a credential is picked.
 */
export const CredentialPlaceholderSchema = z.strictObject({
  credential_type: z.string().nullable(),
});

/** A credential to pick: what an exported workflow holds in place of a credential reference. */
export type CredentialPlaceholder = z.infer<typeof CredentialPlaceholderSchema>;

/** Whether a value is a {@link CredentialPlaceholder}. */
export function isCredentialPlaceholder(value: unknown): value is CredentialPlaceholder {
  return CredentialPlaceholderSchema.safeParse(value).success;
}
