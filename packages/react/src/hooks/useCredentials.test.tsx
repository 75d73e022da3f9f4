import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useCredentials } from './useCredentials';
import { WorkflowProvider } from './WorkflowProvider';

function wrapperOf(client: FakeWorkflowClient) {
  return ({ children }: { children: ReactNode }) => (
    <WorkflowProvider client={client}>{children}</WorkflowProvider>
  );
}

async function seeded(): Promise<FakeWorkflowClient> {
  const client = new FakeWorkflowClient();
  await client.credentials.create({ name: 'GitHub', type: 'bearer', data: { token: 't' } }, null);
  await client.credentials.create(
    { name: 'Jira', type: 'basic', data: { username: 'u', password: 'p' } },
    null,
  );
  return client;
}

const names = (credentials: Array<{ name: string }>) => credentials.map((c) => c.name).sort();

const listCalls = (client: FakeWorkflowClient) =>
  client.calls.filter((call) => call.method === 'listCredentials').map((call) => call.args[0]);

describe('useCredentials', () => {
  it('lists the credentials of the type given on mount', async () => {
    const client = await seeded();
    const { result } = renderHook(() => useCredentials('bearer'), { wrapper: wrapperOf(client) });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.credentials.map((c) => c.name)).toEqual(['GitHub']);
    expect(result.current.total).toBe(1);
    expect(listCalls(client)).toEqual([{ type: 'bearer' }]);
  });

  it('lists every type without one', async () => {
    const client = await seeded();
    const { result } = renderHook(() => useCredentials(), { wrapper: wrapperOf(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(names(result.current.credentials)).toEqual(['GitHub', 'Jira']);
    expect(listCalls(client)).toEqual([{ type: undefined }]);
  });

  it('fetches once for two callers of the same type', async () => {
    const client = await seeded();
    const { result } = renderHook(() => [useCredentials('bearer'), useCredentials('bearer')], {
      wrapper: wrapperOf(client),
    });
    await waitFor(() => expect(result.current[0]!.loading).toBe(false));
    expect(result.current[1]!.credentials).toBe(result.current[0]!.credentials);
    expect(listCalls(client)).toHaveLength(1);
  });

  it('creates a credential and refreshes every list on screen before resolving', async () => {
    const client = await seeded();
    const { result } = renderHook(
      () => ({ bearer: useCredentials('bearer'), all: useCredentials() }),
      {
        wrapper: wrapperOf(client),
      },
    );
    await waitFor(() => expect(result.current.all.loading).toBe(false));
    let created: Awaited<ReturnType<typeof result.current.bearer.createCredential>> | undefined;
    await act(async () => {
      created = await result.current.bearer.createCredential({
        name: 'Stripe',
        type: 'bearer',
        data: { token: 'sk' },
      });
    });
    expect(created).toMatchObject({ success: true, data: { name: 'Stripe', type: 'bearer' } });
    expect(names(result.current.bearer.credentials)).toEqual(['GitHub', 'Stripe']);
    expect(names(result.current.all.credentials)).toEqual(['GitHub', 'Jira', 'Stripe']);
  });

  it('returns a failed creation without refreshing', async () => {
    const client = await seeded();
    const { result } = renderHook(() => useCredentials('bearer'), { wrapper: wrapperOf(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    client.failNext('createCredential', { code: 'VALIDATION_FAILED', status: 400, message: 'bad' });
    let created: Awaited<ReturnType<typeof result.current.createCredential>> | undefined;
    await act(async () => {
      created = await result.current.createCredential({ name: '', type: 'bearer', data: {} });
    });
    expect(created).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    expect(listCalls(client)).toHaveLength(1);
  });

  it('updates and deletes a credential, refreshing the list after each', async () => {
    const client = await seeded();
    const { result } = renderHook(() => useCredentials(), { wrapper: wrapperOf(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    const github = result.current.credentials.find((c) => c.name === 'GitHub');
    await act(() => result.current.updateCredential(github!.credential_id, { name: 'GitHub CI' }));
    expect(names(result.current.credentials)).toEqual(['GitHub CI', 'Jira']);
    await act(() => result.current.deleteCredential(github!.credential_id));
    expect(names(result.current.credentials)).toEqual(['Jira']);
  });

  it('surfaces a server without a credential key as a NOT_CONFIGURED error', async () => {
    const client = await seeded();
    client.failNext('listCredentials', {
      code: 'NOT_CONFIGURED',
      status: 501,
      message: 'no key',
    });
    const { result } = renderHook(() => useCredentials(), { wrapper: wrapperOf(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toMatchObject({ code: 'NOT_CONFIGURED', status: 501 });
    expect(result.current.credentials).toEqual([]);
    await act(() => result.current.refetch());
    expect(result.current.error).toBeNull();
    expect(result.current.total).toBe(2);
  });
});
