import {
  type CredentialResolver,
  isCredentialReference,
  type RunOwner,
} from '../credentials/credentialReference';
import { base64Utf8 } from '../encoding/base64Utf8';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { RegisteredComponent } from '../registry/registeredComponent';
import { MAX_SECRETS_PER_RUN, type SecretRedactor } from './SecretRedactor';

const secretNamesByComponent = new WeakMap<RegisteredComponent, readonly string[]>();

/** The names of a component's `secret` parameters, worked out once per component. */
export function secretParameterNames(component: RegisteredComponent): readonly string[] {
  let names = secretNamesByComponent.get(component);
  if (!names) {
    names = component.metadata.parameters
      .filter((parameter) => parameter.type === 'secret')
      .map((parameter) => parameter.name);
    secretNamesByComponent.set(component, names);
  }
  return names;
}

/** What resolving a step's secrets needs from its run. */
export interface SecretSource {
  readonly credentials: CredentialResolver | undefined;
  readonly owner: RunOwner;
  readonly redactor: SecretRedactor;
}

/**
 * Replaces the credential references in a step's `secret` parameters with the credentials'
 * values, for `execute()` only, and registers every value with the run's redactor first, so it
 * is `[redacted]` in whatever the run records.
 *
 * @throws FlowloomError `CREDENTIAL_NOT_FOUND`, `FORBIDDEN` (the run's owner may not read it) or
 * `NOT_CONFIGURED` (a reference, but no resolver).
 */
export async function resolveSecrets(
  names: readonly string[],
  values: Record<string, unknown>,
  source: SecretSource,
): Promise<Record<string, unknown>> {
  let resolved: Record<string, unknown> | undefined;
  for (const name of names) {
    const reference = values[name];
    if (!isCredentialReference(reference)) continue;
    if (!source.credentials) {
      throw new FlowloomError(
        ErrorCode.NOT_CONFIGURED,
        `Parameter "${name}" refers to a credential, but this engine has no credential store`,
      );
    }
    const credential = await source.credentials.resolve(reference.credential_id, source.owner);
    registerSecrets(credential.data, source.redactor);
    let value: unknown = credential.data;
    if (reference.field !== undefined) {
      if (!Object.hasOwn(credential.data, reference.field)) {
        throw new FlowloomError(
          ErrorCode.CREDENTIAL_NOT_FOUND,
          `Credential "${reference.credential_id}" has no field "${reference.field}"`,
        );
      }
      value = credential.data[reference.field];
    }
    resolved ??= { ...values };
    resolved[name] = value;
  }
  return resolved ?? values;
}

function registerSecrets(data: Record<string, string>, redactor: SecretRedactor): void {
  const forms = Object.values(data).filter((value): value is string => typeof value === 'string');
  // Basic authentication sends the pair base64-encoded: redact that form too.
  const { username, password } = data;
  if (typeof username === 'string' && typeof password === 'string' && password !== '') {
    forms.push(base64Utf8(`${username}:${password}`));
  }
  for (const form of forms) {
    if (!redactor.add(form)) {
      // Unredactable secrets must not reach execute(): refuse the step instead.
      throw new FlowloomError(
        ErrorCode.INVALID_PARAMETERS,
        `This run uses too many credential values to keep them out of its records (at most ${MAX_SECRETS_PER_RUN} forms)`,
      );
    }
  }
}
