/**
 * The credential id a `secret` parameter's value refers to (`{ credential_id, field? }`), or
 * undefined for anything else: nothing set, or a legacy plain-text secret.
 */
export function credentialIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as { credential_id?: unknown }).credential_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
