import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SECRET_PASSWORD,
  SMTP_CREDENTIAL,
  TEST_CREDENTIALS_KEY,
} from '../http/credentialTestKit.test-helpers';
import {
  closeTestServers,
  createTestServer,
  executeVia,
  type Json,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';

afterEach(closeTestServers);

/** A step that gets an SMTP password and answers only its length. */
const PasswordProbe = defineComponent({
  type: 'password_probe',
  name: 'Password probe',
  category: 'utilities',
  parameters: [
    {
      name: 'password',
      label: 'Password',
      type: 'secret',
      credential_type: 'smtp',
      required: true,
    },
  ] as const,
  async execute({ input_data }) {
    return { success: true, output_data: { length: String(input_data.password).length } };
  },
});

const ADA = { 'x-user-id': 'ada', 'x-tenant-id': 'acme' };
const EVE = { 'x-user-id': 'eve', 'x-tenant-id': 'globex' };

function runServer() {
  const registry = new ComponentRegistry({ components: [...builtinComponents, PasswordProbe] });
  return createTestServer({
    registry,
    credentialsKey: TEST_CREDENTIALS_KEY,
    authenticate: (request) => {
      const id = request.headers.get('x-user-id');
      const tenant = request.headers.get('x-tenant-id');
      return id ? { id, ...(tenant ? { tenant_id: tenant } : {}) } : null;
    },
  });
}

function probeWorkflow(password: unknown) {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'probe', type: 'password_probe', data: { parameters: { password } } },
    ],
    edges: [{ id: 'start-probe', source: 'start', target: 'probe' }],
  };
}

/** Creates and runs a probe instance as `user`; returns its final status. */
async function runProbe(t: ReturnType<typeof runServer>, password: unknown, user = ADA) {
  const created = await t.request(
    'POST',
    '/instances',
    { name: 'Probe', workflow_data: probeWorkflow(password) },
    user,
  );
  expect(created.status).toBe(201);
  await executeVia(t, created.body.instance_id, {}, user);
  return waitForFinalStatus(t, created.body.instance_id, user) as Promise<Json>;
}

describe('runs that use credentials (the server’s resolver)', () => {
  it('hands a step its owner’s decrypted credential', async () => {
    const t = runServer();
    const credential = await t.request('POST', '/credentials', SMTP_CREDENTIAL, ADA);
    const reference = { credential_id: credential.body.credential_id, field: 'password' };
    const status = await runProbe(t, reference);
    expect(status.status).toBe('completed');
    expect(status.steps.probe.output_data).toEqual({ length: SECRET_PASSWORD.length });
  });

  it('fails a step that refers to another tenant’s credential with FORBIDDEN', async () => {
    const t = runServer();
    const credential = await t.request('POST', '/credentials', SMTP_CREDENTIAL, ADA);
    const status = await runProbe(t, { credential_id: credential.body.credential_id }, EVE);
    expect(status.status).toBe('failed');
    expect(status.steps.probe.error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('fails a step that refers to a credential that does not exist', async () => {
    const t = runServer();
    const status = await runProbe(t, { credential_id: 'cred_missing' });
    expect(status.steps.probe.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('refuses a workflow holding a literal secret with SECRET_NOT_A_CREDENTIAL', async () => {
    const t = runServer();
    const created = await t.request(
      'POST',
      '/instances',
      { name: 'Literal', workflow_data: probeWorkflow('hunter2') },
      ADA,
    );
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('INVALID_WORKFLOW');
    expect(JSON.stringify(created.body)).toContain('store it as a credential');
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Literal', workflow_data: probeWorkflow('hunter2') },
      ADA,
    );
    expect(saved.body.validation.errors).toContainEqual(
      expect.objectContaining({ code: 'SECRET_NOT_A_CREDENTIAL', node_id: 'probe' }),
    );
  });
});
