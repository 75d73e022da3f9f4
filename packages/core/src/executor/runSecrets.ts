import type { CredentialResolver, RunOwner } from '../credentials/credentialReference';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { SecretSource } from './resolveSecrets';
import { SecretRedactor } from './SecretRedactor';

/** A run's secrets, and how its journal redacts what it records. */
export interface RunSecrets {
  readonly secrets: SecretSource;
  /** The event data with every secret a step resolved `[redacted]`; as given when none was. */
  redact(data: unknown): unknown;
}

/**
 * The secret source of one run of `instance`, whose redactor is made when a step first resolves
 * a credential: a run that uses none pays nothing, not even in its journal.
 */
export function runSecretsOf(
  credentials: CredentialResolver | undefined,
  instance: WorkflowInstance,
): RunSecrets {
  const owner: RunOwner = {
    created_by: instance.created_by,
    tenant_id: (instance as { tenant_id?: string | null }).tenant_id ?? null,
  };
  let redactor: SecretRedactor | undefined;
  return {
    secrets: {
      credentials,
      owner,
      get redactor() {
        redactor ??= new SecretRedactor();
        return redactor;
      },
    },
    redact: (data) => (redactor === undefined ? data : redactor.redactEventData(data)),
  };
}
