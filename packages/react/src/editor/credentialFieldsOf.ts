/** One field of a credential type, as the new-credential form asks for it. */
export interface CredentialField {
  /** The key in the credential's `data`; the catalogue's `credentials.fieldLabels` names it. */
  name: string;
  /** Typed in a password box; false only for parts that are not secret (a user or header name). */
  secret: boolean;
}

/**
 * The credential types the editor knows the fields of, in the order it offers them (the
 * catalogue's `credentials.types` names them).
 */
export const KNOWN_CREDENTIAL_TYPES = ['bearer', 'basic', 'header'] as const;

const FIELDS: Readonly<Record<string, readonly CredentialField[]>> = {
  bearer: [{ name: 'token', secret: true }],
  basic: [
    { name: 'username', secret: false },
    { name: 'password', secret: true },
  ],
  header: [
    { name: 'name', secret: false },
    { name: 'value', secret: true },
  ],
};

/**
 * The fields a credential of `type` holds (`bearer` → token, `basic` → username and password,
 * `header` → name and value), or undefined for any other type, whose fields the user names.
 */
export function credentialFieldsOf(type: string): readonly CredentialField[] | undefined {
  return Object.hasOwn(FIELDS, type) ? FIELDS[type] : undefined;
}
