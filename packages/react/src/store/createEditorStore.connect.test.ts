import { describe, expect, it } from 'vitest';
import { createEditorStore } from './createEditorStore';
import { buildValidWorkflow, storeWithComponents } from './editorStoreFixtures.test-helpers';

describe('createEditorStore: connections', () => {
  it('connects an output handle to an input handle with an id and both handles', () => {
    const { store, trigger, http } = buildValidWorkflow();
    expect(store.getState().edges[0]).toEqual({
      id: expect.any(String),
      source: trigger,
      sourceHandle: 'output',
      target: http,
      targetHandle: 'input',
    });
  });

  it('resolves an omitted handle when the side has exactly one', () => {
    const store = storeWithComponents();
    const a = store.getState().addNode('manual_trigger', { x: 0, y: 0 });
    const b = store.getState().addNode('log', { x: 0, y: 0 });
    expect(
      store.getState().connect({ source: a, sourceHandle: null, target: b, targetHandle: null }),
    ).toEqual({ ok: true });
    expect(store.getState().edges[0]).toMatchObject({
      sourceHandle: 'output',
      targetHandle: 'input',
    });
  });

  it('refuses a self-loop', () => {
    const { store, http } = buildValidWorkflow();
    const result = store
      .getState()
      .connect({ source: http, sourceHandle: 'success', target: http, targetHandle: 'input' });
    expect(result).toEqual({ ok: false, reason: 'self_loop' });
  });

  it('refuses a connection that closes a cycle', () => {
    const { store, trigger, http, log } = buildValidWorkflow();
    const d = store.getState().addNode('delay', { x: 0, y: 0 });
    store
      .getState()
      .connect({ source: log, sourceHandle: 'output', target: d, targetHandle: 'input' });
    const result = store
      .getState()
      .connect({ source: d, sourceHandle: 'output', target: http, targetHandle: 'input' });
    expect(result).toEqual({ ok: false, reason: 'cycle' });
    expect(store.getState().edges).toHaveLength(3);
    expect(trigger).toBeDefined();
  });

  it('refuses a connection from an input handle or into an output handle', () => {
    const { store, http, log } = buildValidWorkflow();
    const d = store.getState().addNode('delay', { x: 0, y: 0 });
    expect(
      store
        .getState()
        .connect({ source: log, sourceHandle: 'input', target: d, targetHandle: 'input' }),
    ).toEqual({ ok: false, reason: 'wrong_direction' });
    expect(
      store
        .getState()
        .connect({ source: d, sourceHandle: 'output', target: http, targetHandle: 'success' }),
    ).toEqual({ ok: false, reason: 'wrong_direction' });
  });

  it('refuses a duplicate edge, also against a stored edge that omits its handles', () => {
    const { store, trigger, http } = buildValidWorkflow();
    expect(
      store
        .getState()
        .connect({ source: trigger, sourceHandle: 'output', target: http, targetHandle: 'input' }),
    ).toEqual({ ok: false, reason: 'duplicate' });
    const loaded = storeWithComponents();
    loaded.getState().load({
      name: 'x',
      workflow_data: {
        nodes: [
          { id: 'a', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
          { id: 'b', type: 'log', position: { x: 0, y: 0 }, data: { parameters: {} } },
        ],
        edges: [{ id: 'e', source: 'a', target: 'b' }],
      },
    });
    expect(
      loaded
        .getState()
        .connect({ source: 'a', sourceHandle: 'output', target: 'b', targetHandle: 'input' }),
    ).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('refuses a handle the component does not declare, and an ambiguous omitted one', () => {
    const { store, http, log } = buildValidWorkflow();
    const d = store.getState().addNode('delay', { x: 0, y: 0 });
    expect(
      store
        .getState()
        .connect({ source: log, sourceHandle: 'nope', target: d, targetHandle: 'input' }),
    ).toEqual({ ok: false, reason: 'unknown_handle' });
    expect(
      store
        .getState()
        .connect({ source: http, sourceHandle: null, target: d, targetHandle: 'input' }),
    ).toEqual({ ok: false, reason: 'unknown_handle' });
    expect(store.getState().edges).toHaveLength(2);
  });

  it('takes handles as written on a node whose component is not known', () => {
    const store = createEditorStore();
    const a = store.getState().addNode('mystery', { x: 0, y: 0 });
    const b = store.getState().addNode('mystery', { x: 0, y: 0 });
    expect(
      store.getState().connect({ source: a, sourceHandle: 'x', target: b, targetHandle: null }),
    ).toEqual({ ok: true });
    expect(store.getState().edges[0]).toMatchObject({ sourceHandle: 'x', targetHandle: null });
  });

  it('checks a connection without making it', () => {
    const { store, trigger, log } = buildValidWorkflow();
    const before = store.getState();
    expect(
      store.getState().checkConnection({
        source: trigger,
        sourceHandle: 'output',
        target: log,
        targetHandle: 'input',
      }),
    ).toEqual({ ok: true });
    expect(
      store.getState().checkConnection({
        source: log,
        sourceHandle: 'output',
        target: log,
        targetHandle: 'input',
      }),
    ).toEqual({ ok: false, reason: 'self_loop' });
    expect(store.getState()).toBe(before);
  });
});
