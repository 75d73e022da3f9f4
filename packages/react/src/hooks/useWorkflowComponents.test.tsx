import { ComponentCategory } from '@flowloom/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useWorkflowComponents } from './useWorkflowComponents';
import { WorkflowProvider } from './WorkflowProvider';

function wrapperFor(client: FakeWorkflowClient) {
  return ({ children }: { children: ReactNode }) => (
    <WorkflowProvider client={client}>{children}</WorkflowProvider>
  );
}

describe('useWorkflowComponents', () => {
  it('loads the components and groups them by category, every category present', async () => {
    const client = new FakeWorkflowClient();
    const { result } = renderHook(() => useWorkflowComponents(), { wrapper: wrapperFor(client) });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.components).toHaveLength(client.components.length);
    const { byCategory } = result.current;
    expect(Object.keys(byCategory).sort()).toEqual(Object.values(ComponentCategory).sort());
    expect(byCategory.triggers.map((c) => c.type)).toEqual([
      'manual_trigger',
      'webhook_trigger',
      'schedule_trigger',
    ]);
    expect(byCategory.logic.map((c) => c.type)).toEqual([
      'condition',
      'switch',
      'sub_workflow',
      'for_each',
      'wait',
    ]);
    expect(result.current.error).toBeNull();
  });

  it('keeps empty categories as empty lists', async () => {
    const client = new FakeWorkflowClient();
    client.components = client.components.filter((c) => c.category === 'triggers');
    const { result } = renderHook(() => useWorkflowComponents(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.byCategory.logic).toEqual([]);
    expect(result.current.byCategory.triggers).toHaveLength(3);
  });

  it('surfaces a failed fetch in error, and refetch clears it', async () => {
    const client = new FakeWorkflowClient();
    client.failNext('listComponents', { code: 'FORBIDDEN', status: 403, message: 'no' });
    const { result } = renderHook(() => useWorkflowComponents(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.error?.code).toBe('FORBIDDEN'));
    expect(result.current.components).toEqual([]);
    expect(result.current.loading).toBe(false);
    await act(() => result.current.refetch());
    expect(result.current.error).toBeNull();
    expect(result.current.components.length).toBeGreaterThan(0);
  });

  it('fetches once per client for every hook using it', async () => {
    const client = new FakeWorkflowClient();
    const wrapper = wrapperFor(client);
    const first = renderHook(() => useWorkflowComponents(), { wrapper });
    const second = renderHook(() => useWorkflowComponents(), { wrapper });
    await waitFor(() => expect(second.result.current.loading).toBe(false));
    expect(first.result.current.components).toBe(second.result.current.components);
    expect(client.calls.filter((c) => c.method === 'listComponents')).toHaveLength(1);
  });

  it('fetches again when mounted after every reader left, showing the held list meanwhile', async () => {
    const client = new FakeWorkflowClient();
    const wrapper = wrapperFor(client);
    const first = renderHook(() => useWorkflowComponents(), { wrapper });
    await waitFor(() => expect(first.result.current.loading).toBe(false));
    first.unmount();
    client.components = client.components.slice(0, 1);
    const second = renderHook(() => useWorkflowComponents(), { wrapper });
    expect(second.result.current.components.length).toBeGreaterThan(1);
    await waitFor(() => expect(second.result.current.components).toHaveLength(1));
    expect(client.calls.filter((c) => c.method === 'listComponents')).toHaveLength(2);
  });
});
