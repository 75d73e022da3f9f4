import { describe, expect, it } from 'vitest';
import type { CredentialResolver, RunOwner } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { edge, node } from './engineTestKit.test-helpers';

const TOKEN = 's3cr3t-token-value';

/** Echoes its secret everywhere a leak could happen: output, logs, its error. */
const leaky = defineComponent({
  type: 'leaky',
  name: 'Leaky',
  category: 'integrations',
  parameters: [
    { name: 'credential', label: 'Credential', type: 'secret', required: true },
    { name: 'fail', label: 'Fail', type: 'boolean', default: false },
  ],
  output_handles: [
    { id: 'success', type: 'source', position: 'right' },
    { id: 'error', type: 'source', position: 'bottom' },
  ],
  async execute({ input_data, logger }) {
    const secret = input_data.credential as unknown;
    logger.info(`using ${JSON.stringify(secret)}`, { secret });
    if (input_data.fail) throw new Error(`upstream refused ${JSON.stringify(secret)}`);
    return { success: true, output_data: { echoed: secret, header: `Bearer ${TOKEN}` } };
  },
});

const reader = defineComponent({
  type: 'reader',
  name: 'Reader',
  category: 'data_processing',
  parameters: [{ name: 'value', label: 'Value', type: 'expression' }],
  async execute({ input_data }) {
    return { success: true, output_data: { copied: input_data.value } };
  },
});

/** An in-memory resolver: the port the server fills with its encrypted store. */
function resolverOf(
  credentials: Record<string, { type: string; data: Record<string, string>; owner: string }>,
): CredentialResolver & { calls: RunOwner[] } {
  const calls: RunOwner[] = [];
  return {
    calls,
    async resolve(id, owner) {
      calls.push(owner);
      const credential = credentials[id];
      if (!credential)
        throw new FlowloomError(ErrorCode.CREDENTIAL_NOT_FOUND, `No credential "${id}"`);
      if (credential.owner !== owner.created_by)
        throw new FlowloomError(ErrorCode.FORBIDDEN, `Credential "${id}" is not yours`);
      return { type: credential.type, data: credential.data };
    },
  };
}

async function runLeaky(
  parameters: Record<string, unknown>,
  credentials?: CredentialResolver,
  created_by = 'ada',
) {
  const store = new MemoryStore();
  const registry = new ComponentRegistry({ components: [leaky, reader] });
  const engine = new ExecutionEngine({ registry, store, credentials });
  const events: ExecutionEvent[] = [];
  engine.on('event', (event) => events.push(event));
  const instance = await engine.createInstance({
    name: 'secrets',
    created_by,
    workflow_data: {
      nodes: [
        node('call', 'leaky', parameters),
        node('next', 'reader', { value: '{{ steps.call }}' }),
      ],
      edges: [edge('call', 'next', 'success')],
    },
  });
  const status = await engine.executeWorkflow(instance.instance_id);
  const stored = JSON.stringify([
    await store.listEvents(instance.instance_id),
    await store.listLogs(instance.instance_id),
    await store.getInstance(instance.instance_id),
  ]);
  return { status, events, stored, live: JSON.stringify(events), result: JSON.stringify(status) };
}

const bearer = { type: 'bearer', data: { token: TOKEN }, owner: 'ada' };

describe('credentials in a run', () => {
  it('hands execute() the resolved value and records it nowhere', async () => {
    const resolver = resolverOf({ cred_1: bearer });
    const run = await runLeaky(
      { credential: { credential_id: 'cred_1', field: 'token' } },
      resolver,
    );
    expect(run.status.status).toBe('completed');
    // The component saw the secret (it echoed it), but everything recorded says [redacted].
    expect(run.status.steps.call?.output_data).toEqual({
      echoed: '[redacted]',
      header: 'Bearer [redacted]',
    });
    for (const text of [run.stored, run.live, run.result]) expect(text).not.toContain(TOKEN);
    const started = run.events.find(
      (event) => event.event_type === 'step_started' && event.step_id === 'call',
    );
    expect(started?.data).toMatchObject({ input_data: { credential: '[redacted]' } });
    // Later steps read the redacted output: a workflow cannot pass the secret on.
    expect(run.status.steps.next?.output_data).toMatchObject({
      copied: { echoed: '[redacted]' },
    });
  });

  it('resolves a reference without a field to the whole credential', async () => {
    const resolver = resolverOf({
      cred_1: { type: 'basic', data: { username: 'ada', password: 'pa55-word' }, owner: 'ada' },
    });
    const run = await runLeaky({ credential: { credential_id: 'cred_1' } }, resolver);
    expect(run.status.status).toBe('completed');
    expect(run.live).not.toContain('pa55-word');
    // The basic-auth form of the pair is redacted as well.
    expect(run.live).not.toContain(btoa('ada:pa55-word'));
  });

  it('redacts the secret from error messages', async () => {
    const resolver = resolverOf({ cred_1: bearer });
    const run = await runLeaky(
      { credential: { credential_id: 'cred_1', field: 'token' }, fail: true },
      resolver,
    );
    expect(run.status.steps.call?.error?.message).toContain('[redacted]');
    for (const text of [run.stored, run.live, run.result]) expect(text).not.toContain(TOKEN);
  });

  it("asks with the run owner's identity", async () => {
    const resolver = resolverOf({ cred_1: bearer });
    await runLeaky({ credential: { credential_id: 'cred_1' } }, resolver);
    expect(resolver.calls).toEqual([{ created_by: 'ada', tenant_id: null }]);
  });

  it('fails the step FORBIDDEN when the run owner may not read the credential', async () => {
    const resolver = resolverOf({ cred_1: bearer });
    const run = await runLeaky({ credential: { credential_id: 'cred_1' } }, resolver, 'bob');
    expect(run.status.steps.call?.error?.code).toBe('FORBIDDEN');
    expect(run.live).not.toContain(TOKEN);
  });

  it('fails the step CREDENTIAL_NOT_FOUND for a deleted credential', async () => {
    const run = await runLeaky({ credential: { credential_id: 'gone' } }, resolverOf({}));
    expect(run.status.steps.call?.error?.code).toBe('CREDENTIAL_NOT_FOUND');
  });

  it('fails the step CREDENTIAL_NOT_FOUND for a field the credential lacks', async () => {
    const resolver = resolverOf({ cred_1: bearer });
    const run = await runLeaky(
      { credential: { credential_id: 'cred_1', field: 'nope' } },
      resolver,
    );
    expect(run.status.steps.call?.error).toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('fails the step NOT_CONFIGURED when the engine has no credential resolver', async () => {
    const run = await runLeaky({ credential: { credential_id: 'cred_1' } });
    expect(run.status.steps.call?.error?.code).toBe('NOT_CONFIGURED');
  });
});
