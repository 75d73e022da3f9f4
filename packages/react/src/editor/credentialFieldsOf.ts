/** One field of a credential type, as the new-credential form asks for it. */
export interface CredentialField {
  /** The key in the credential's `data`. */
  name: string;
  label: string;
  /** Typed in a password box; false only for parts that are not secret (a user or header name). */
  secret: boolean;
}

/** The credential types the editor knows the fields of, in the order it offers them. */
export const KNOWN_CREDENTIAL_TYPES: ReadonlyArray<{ type: string; label: string }> = [
  { type: 'bearer', label: 'Bearer token' },
  { type: 'basic', label: 'Basic auth (user and password)' },
  { type: 'header', label: 'Header (name and value)' },
];

const FIELDS: Readonly<Record<string, readonly CredentialField[]>> = {
  bearer: [{ name: 'token', label: 'Token', secret: true }],
  basic: [
    { name: 'username', label: 'Username', secret: false },
    { name: 'password', label: 'Password', secret: true },
  ],
  header: [
    { name: 'name', label: 'Header name', secret: false },
    { name: 'value', label: 'Header value', secret: true },
  ],
};

/**
 * The fields a credential of `type` holds (`bearer` → token, `basic` → username and password,
 * `header` → name and value), or undefined for any other type, whose fields the user names.
 */
export function credentialFieldsOf(type: string): readonly CredentialField[] | undefined {
  return Object.hasOwn(FIELDS, type) ? FIELDS[type] : undefined;
}
