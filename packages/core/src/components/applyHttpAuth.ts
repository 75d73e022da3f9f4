import { base64Utf8 } from '../encoding/base64Utf8';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

/** How an HTTP Request step authenticates. */
export type HttpAuthMode = 'none' | 'bearer' | 'basic' | 'header';

/** The credential fields each mode reads; a bearer token may also be a single field's value. */
export const HTTP_AUTH_FIELDS: Readonly<Record<Exclude<HttpAuthMode, 'none'>, readonly string[]>> =
  {
    bearer: ['token'],
    basic: ['username', 'password'],
    header: ['name', 'value'],
  };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Sets the authentication header a mode asks for, from a resolved credential: its whole data
 * (`{ token }`, `{ username, password }`, `{ name, value }`) or, for `bearer`, one field's value.
 *
 * @throws FlowloomError `INVALID_PARAMETERS` when the credential lacks a field the mode needs.
 */
export function applyHttpAuth(headers: Headers, mode: HttpAuthMode, credential: unknown): void {
  if (mode === 'none') return;
  if (mode === 'bearer' && typeof credential === 'string') {
    headers.set('authorization', `Bearer ${credential}`);
    return;
  }
  const fields = readFields(credential, HTTP_AUTH_FIELDS[mode], mode);
  if (mode === 'bearer') headers.set('authorization', `Bearer ${fields.token}`);
  else if (mode === 'basic') {
    headers.set('authorization', `Basic ${base64Utf8(`${fields.username}:${fields.password}`)}`);
  } else {
    if (!HEADER_NAME.test(fields.name!)) {
      throw invalid(
        `The credential's header name "${fields.name}" is not a valid HTTP header name`,
      );
    }
    headers.set(fields.name!, fields.value!);
  }
}

function readFields(
  credential: unknown,
  names: readonly string[],
  mode: string,
): Record<string, string> {
  if (credential === null || typeof credential !== 'object') {
    throw invalid(`${mode} authentication needs a credential with ${names.join(' and ')}`);
  }
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = (credential as Record<string, unknown>)[name];
    if (typeof value !== 'string' || value === '') {
      throw invalid(`The credential for ${mode} authentication has no "${name}" field`);
    }
    if (/[\r\n\0]/.test(value)) throw invalid(`The credential's "${name}" holds a line break`);
    fields[name] = value;
  }
  return fields;
}

function invalid(message: string): FlowloomError {
  return new FlowloomError(ErrorCode.INVALID_PARAMETERS, message);
}
