import { componentRegistry } from '@flowloom/core';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useWorkflowEditor } from './useWorkflowEditor';
import { WorkflowProvider } from './WorkflowProvider';

function setup() {
  const client = new FakeWorkflowClient();
  const store = createEditorStore({ name: 'Orders' });
  store.getState().setComponents(componentRegistry.getAllComponents());
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WorkflowProvider client={client}>
      <EditorStoreProvider store={store}>{children}</EditorStoreProvider>
    </WorkflowProvider>
  );
  return { client, store, ...renderHook(() => useWorkflowEditor(), { wrapper }) };
}

describe('useWorkflowEditor', () => {
  it('shows the editor state and edits it', () => {
    const { result } = setup();
    expect(result.current).toMatchObject({
      nodes: [],
      edges: [],
      dirty: false,
      name: 'Orders',
      canUndo: false,
      canRedo: false,
    });
    let a = '';
    let b = '';
    act(() => {
      a = result.current.addNode('manual_trigger', { x: 0, y: 0 });
      b = result.current.addNode('log', { x: 200, y: 0 });
    });
    act(() => {
      expect(
        result.current.connect({
          source: a,
          sourceHandle: 'output',
          target: b,
          targetHandle: 'input',
        }),
      ).toEqual({ ok: true });
    });
    expect(result.current.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(result.current.edges).toHaveLength(1);
    expect(result.current).toMatchObject({ dirty: true, canUndo: true });
    act(() => result.current.undo());
    expect(result.current.edges).toEqual([]);
    expect(result.current.canRedo).toBe(true);
    act(() => result.current.redo());
    expect(result.current.edges).toHaveLength(1);
    act(() => result.current.removeNodes([a]));
    expect(result.current.nodes.map((n) => n.id)).toEqual([b]);
  });

  it('saves the document, then keeps the id, marks the issues and is clean', async () => {
    const { client, store, result } = setup();
    act(() => void result.current.addNode('http_request', { x: 0, y: 0 }));
    const issue = {
      code: 'MISSING_REQUIRED_PARAMETER' as const,
      message: 'URL is required',
      severity: 'error' as const,
      node_id: 'http_request_1',
      field: 'url',
    };
    vi.spyOn(client, 'saveWorkflow').mockResolvedValueOnce({
      success: true,
      data: {
        workflow_id: 'wf_42',
        name: 'Orders',
        version: 1,
        updated_at: 'now',
        validation: { valid: false, errors: [issue] },
      },
    });
    let saved: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      saved = await result.current.save();
    });
    expect(saved?.success).toBe(true);
    expect(client.saveWorkflow).toHaveBeenCalledWith({
      name: 'Orders',
      workflow_data: store.getState().toWorkflowData(),
    });
    expect(result.current.dirty).toBe(false);
    expect(store.getState()).toMatchObject({
      workflowId: 'wf_42',
      issuesByNode: { http_request_1: [issue] },
    });

    await act(async () => {
      await result.current.save();
    });
    expect(client.calls.at(-1)).toMatchObject({
      method: 'saveWorkflow',
      args: [{ workflow_id: 'wf_42' }],
    });
  });

  it('sends the version loaded as expected_version, then the version it saved', async () => {
    const { client, store, result } = setup();
    await act(async () => {
      await result.current.load('wf_7');
    });
    expect(store.getState().version).toBe(3);
    act(() => void result.current.addNode('log', { x: 0, y: 0 }));
    vi.spyOn(client, 'saveWorkflow').mockResolvedValueOnce({
      success: true,
      data: {
        workflow_id: 'wf_7',
        name: 'Loaded',
        version: 4,
        updated_at: 'now',
        validation: { valid: true, errors: [] },
      },
    });
    await act(async () => {
      await result.current.save();
    });
    expect(client.saveWorkflow).toHaveBeenLastCalledWith(
      expect.objectContaining({ workflow_id: 'wf_7', expected_version: 3 }),
    );
    expect(store.getState().version).toBe(4);
    await act(async () => {
      await result.current.save();
    });
    expect(client.calls.at(-1)?.args[0]).toMatchObject({ expected_version: 4 });
  });

  it('saves over another version when told to (an overwrite after a conflict)', async () => {
    const { client, result } = setup();
    await act(async () => {
      await result.current.load('wf_7');
    });
    await act(async () => {
      await result.current.save({ expectedVersion: 9 });
    });
    expect(client.calls.at(-1)?.args[0]).toMatchObject({
      workflow_id: 'wf_7',
      expected_version: 9,
    });
  });

  it('returns a version conflict as it came, and stays dirty with its version', async () => {
    const { client, store, result } = setup();
    await act(async () => {
      await result.current.load('wf_7');
    });
    act(() => void result.current.addNode('log', { x: 0, y: 0 }));
    client.failNext('saveWorkflow', {
      code: 'VERSION_CONFLICT',
      status: 409,
      message: 'The workflow is at version 5',
      current_version: 5,
    });
    let saved: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      saved = await result.current.save();
    });
    expect(saved).toMatchObject({ success: false, error: { current_version: 5 } });
    expect(store.getState()).toMatchObject({ dirty: true, version: 3 });
  });

  it('loads a given version of a saved workflow', async () => {
    const { client, store, result } = setup();
    await act(async () => {
      await result.current.load('wf_7', { version: 2 });
    });
    expect(client.calls.at(-1)).toEqual({ method: 'loadWorkflow', args: ['wf_7', { version: 2 }] });
    expect(store.getState().version).toBe(2);
  });

  it('stays dirty when the save fails and returns the error', async () => {
    const { client, result } = setup();
    act(() => void result.current.addNode('log', { x: 0, y: 0 }));
    client.failNext('saveWorkflow', { code: 'FORBIDDEN', status: 403, message: 'read only' });
    let saved: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      saved = await result.current.save();
    });
    expect(saved).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', status: 403, message: 'read only' },
    });
    expect(result.current.dirty).toBe(true);
  });

  it('loads a saved workflow into the editor', async () => {
    const { client, store, result } = setup();
    act(() => void result.current.addNode('log', { x: 0, y: 0 }));
    await act(async () => {
      await result.current.load('wf_7');
    });
    expect(client.calls.at(-1)).toEqual({ method: 'loadWorkflow', args: ['wf_7'] });
    expect(result.current).toMatchObject({ name: 'Loaded', dirty: false, canUndo: false });
    expect(result.current.nodes.map((n) => n.id)).toEqual(['start']);
    expect(store.getState().workflowId).toBe('wf_7');
  });

  it('keeps the workflow loaded last when an earlier load answers after it', async () => {
    const { client, store, result } = setup();
    const answer = client.loadWorkflow.bind(client);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(client, 'loadWorkflow').mockImplementationOnce(async (workflowId) => {
      await held;
      return answer(workflowId);
    });
    await act(async () => {
      const first = result.current.load('wf_first');
      await result.current.load('wf_second');
      release();
      expect((await first).success).toBe(true);
    });
    expect(store.getState().workflowId).toBe('wf_second');
  });

  it('leaves the editor as it was when the load fails', async () => {
    const { client, result } = setup();
    act(() => void result.current.addNode('log', { x: 0, y: 0 }));
    client.failNext('loadWorkflow', {
      code: 'NOT_FOUND',
      status: 404,
      message: 'no such workflow',
    });
    let loaded: Awaited<ReturnType<typeof result.current.load>> | undefined;
    await act(async () => {
      loaded = await result.current.load('missing');
    });
    expect(loaded?.success).toBe(false);
    expect(result.current.nodes.map((n) => n.id)).toEqual(['log_1']);
  });
});
