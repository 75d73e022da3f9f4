import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useWorkflowInstances } from './useWorkflowInstances';
import { WorkflowProvider } from './WorkflowProvider';

function render(client = new FakeWorkflowClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WorkflowProvider client={client}>{children}</WorkflowProvider>
  );
  return { client, ...renderHook(() => useWorkflowInstances(), { wrapper }) };
}

describe('useWorkflowInstances', () => {
  it('lists the instances on mount', async () => {
    const client = new FakeWorkflowClient();
    await client.createInstance({ name: 'Existing', workflow_data: { nodes: [] } });
    const { result } = render(client);
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.instances.map((i) => i.name)).toEqual(['Existing']);
    expect(result.current.total).toBe(1);
  });

  it('creates an instance and refreshes the list before resolving', async () => {
    const { result, client } = render();
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.instances).toEqual([]);
    let created: Awaited<ReturnType<typeof result.current.createInstance>> | undefined;
    await act(async () => {
      created = await result.current.createInstance({
        name: 'My Test Workflow',
        workflow_data: { nodes: [], edges: [] },
      });
    });
    expect(created).toMatchObject({ success: true, data: { name: 'My Test Workflow' } });
    expect(result.current.instances.map((i) => i.name)).toEqual(['My Test Workflow']);
    expect(client.calls.filter((c) => c.method === 'listInstances')).toHaveLength(2);
  });

  it('returns a failed creation without refreshing', async () => {
    const { result, client } = render();
    await waitFor(() => expect(result.current.loading).toBe(false));
    client.failNext('createInstance', { code: 'VALIDATION_FAILED', status: 400, message: 'bad' });
    let created: Awaited<ReturnType<typeof result.current.createInstance>> | undefined;
    await act(async () => {
      created = await result.current.createInstance({ name: '', workflow_data: { nodes: [] } });
    });
    expect(created).toEqual({
      success: false,
      error: { code: 'VALIDATION_FAILED', status: 400, message: 'bad' },
    });
    expect(client.calls.filter((c) => c.method === 'listInstances')).toHaveLength(1);
  });

  it('fetches with a filter and keeps it for the refresh after a creation', async () => {
    const { result, client } = render();
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => result.current.fetchInstances({ status: 'running' }));
    await act(() => result.current.createInstance({ name: 'x', workflow_data: { nodes: [] } }));
    const lists = client.calls.filter((c) => c.method === 'listInstances');
    expect(lists.map((c) => c.args[0])).toEqual([
      undefined,
      { status: 'running' },
      { status: 'running' },
    ]);
    // The new instance is pending, so the running-only list stays empty.
    expect(result.current.instances).toEqual([]);
  });

  it('lists run summaries, without documents, and the cursor of the next page', async () => {
    const client = new FakeWorkflowClient();
    await client.createInstance({ name: 'Existing', workflow_data: { nodes: [] } });
    const { result } = render(client);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.instances[0]).toMatchObject({ name: 'Existing', duration_ms: null });
    expect(result.current.instances[0]).not.toHaveProperty('workflow_data');
    expect(result.current.nextCursor).toBeNull();
    await act(() => result.current.fetchInstances({ status: ['failed', 'cancelled'], limit: 10 }));
    expect(result.current.instances).toEqual([]);
    expect(client.calls.at(-1)?.args[0]).toEqual({ status: ['failed', 'cancelled'], limit: 10 });
  });

  it('surfaces a failed list in error and keeps the last list', async () => {
    const { result, client } = render();
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => result.current.createInstance({ name: 'kept', workflow_data: { nodes: [] } }));
    client.failNext('listInstances', { code: 'UNAUTHENTICATED', status: 401, message: 'log in' });
    await act(() => result.current.fetchInstances());
    expect(result.current.error).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'log in',
    });
    expect(result.current.instances.map((i) => i.name)).toEqual(['kept']);
    await act(() => result.current.fetchInstances());
    expect(result.current.error).toBeNull();
  });
});
