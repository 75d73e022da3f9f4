import type { CreateCredentialRequest, UpdateCredentialRequest } from '../client/clientTypes';
import type { InputSchema } from './readJsonBody';

type Issue = { path: PropertyKey[]; message: string };

/** The server's limits (server-adapter's credentialSchemas.ts), copied: the kit runs in browsers. */
const MAX_NAME = 200;
const MAX_FIELDS = 50;
const MAX_VALUE_BYTES = 16 * 1024;
const TYPE = /^[A-Za-z0-9_.:-]{1,100}$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name trimmed, as the server stores it, or undefined after an issue. */
function checkName(value: unknown, issues: Issue[]): string | undefined {
  if (typeof value !== 'string') issues.push({ path: ['name'], message: 'Expected a string' });
  else if (value.trim() === '') issues.push({ path: ['name'], message: 'Name must not be empty' });
  else if (value.trim().length > MAX_NAME) {
    issues.push({ path: ['name'], message: `Name must be at most ${MAX_NAME} characters` });
  } else return value.trim();
  return undefined;
}

function checkType(value: unknown, issues: Issue[]): void {
  if (typeof value !== 'string' || !TYPE.test(value)) {
    issues.push({ path: ['type'], message: 'Type is 1-100 letters, digits, "_", ".", ":" or "-"' });
  }
}

function checkData(value: unknown, issues: Issue[]): void {
  if (!isPlainObject(value)) {
    issues.push({ path: ['data'], message: 'Expected an object of strings' });
    return;
  }
  const fields = Object.keys(value);
  if (fields.length === 0) issues.push({ path: ['data'], message: 'Give at least one field' });
  if (fields.length > MAX_FIELDS) {
    issues.push({ path: ['data'], message: `At most ${MAX_FIELDS} fields` });
  }
  for (const field of fields) {
    const fieldValue = value[field];
    if (!FIELD_NAME.test(field) || field === '__proto__') {
      issues.push({
        path: ['data', field],
        message:
          'Field names are 1-100 letters, digits, "_", "." or "-", starting with a letter or "_"',
      });
    } else if (typeof fieldValue !== 'string') {
      issues.push({ path: ['data', field], message: 'Expected a string' });
    } else if (new TextEncoder().encode(fieldValue).byteLength > MAX_VALUE_BYTES) {
      issues.push({ path: ['data', field], message: `At most ${MAX_VALUE_BYTES} bytes` });
    }
  }
}

function checkKnownKeys(input: Record<string, unknown>, known: string[], issues: Issue[]): void {
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) issues.push({ path: [key], message: `Unrecognized key "${key}"` });
  }
}

function schemaOf<T>(
  known: string[],
  check: (input: Record<string, unknown>, issues: Issue[]) => T,
): InputSchema<T> {
  return {
    safeParse(input) {
      if (!isPlainObject(input)) {
        return { success: false, error: { issues: [{ path: [], message: 'Expected an object' }] } };
      }
      const issues: Issue[] = [];
      checkKnownKeys(input, known, issues);
      const data = check(input, issues);
      return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
    },
  };
}

/**
 * `POST /credentials` input, checked as the server checks it: a name (trimmed), a type, and
 * 1-50 string fields with safe names.
 *
 * @remarks Mirrors server-adapter's `CreateCredentialRequestSchema` by hand: that package is
 * Node-only, and the testing kit also runs in browsers (Storybook).
 */
export const CreateCredentialInputSchema = schemaOf<CreateCredentialRequest>(
  ['name', 'type', 'data'],
  (input, issues) => {
    const name = checkName(input.name, issues);
    checkType(input.type, issues);
    checkData(input.data, issues);
    return { ...input, name } as CreateCredentialRequest;
  },
);

/** `PUT /credentials/{credential_id}` input: a new name, new data (replacing all of it), or both. */
export const UpdateCredentialInputSchema = schemaOf<UpdateCredentialRequest>(
  ['name', 'data'],
  (input, issues) => {
    if (input.name === undefined && input.data === undefined) {
      issues.push({ path: ['name'], message: 'Give name or data' });
    }
    const name = input.name === undefined ? undefined : checkName(input.name, issues);
    if (input.data !== undefined) checkData(input.data, issues);
    return { ...input, ...(name === undefined ? {} : { name }) } as UpdateCredentialRequest;
  },
);
