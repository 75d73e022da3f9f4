import type { CreateCredentialRequest, WorkflowClient } from '../src/client/clientTypes';
import { createWorkflowClient } from '../src/client/createWorkflowClient';
import { createWorkflowHandlers, handlers } from '../src/testing';
import { addMockHandlers, startMockApi } from './mockApi';

const SAMPLES: CreateCredentialRequest[] = [
  { name: 'GitHub (CI bot)', type: 'bearer', data: { token: 'story-token-1' } },
  { name: 'Stripe live key', type: 'bearer', data: { token: 'story-token-2' } },
  { name: 'Jira service user', type: 'basic', data: { username: 'bot', password: 'story-pw' } },
  { name: 'Datadog API key', type: 'header', data: { name: 'DD-API-KEY', value: 'story-key' } },
];

/** Stores the sample credentials in the mock API once (stories share its state). */
export async function seedCredentials(): Promise<void> {
  await startMockApi();
  const { credentials } = handlers.backend;
  const { credentials: listed } = await credentials.list();
  const stored = new Set(listed.map((credential) => credential.name));
  for (const sample of SAMPLES) {
    if (!stored.has(sample.name)) await credentials.create(sample, 'anonymous');
  }
}

let unconfigured: WorkflowClient | undefined;

/** A client on a second mock API started without a credential key: every credential route is 501. */
export async function unconfiguredClient(): Promise<WorkflowClient> {
  const baseUrl = '/api/keyless-workflow';
  if (!unconfigured) {
    await addMockHandlers(...createWorkflowHandlers({ baseUrl, credentialsConfigured: false }));
    unconfigured = createWorkflowClient({ baseUrl });
  }
  return unconfigured;
}
