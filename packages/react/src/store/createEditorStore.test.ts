import {
  componentRegistry,
  validateWorkflow,
  WorkflowComponentMetadataSchema,
  WorkflowDataSchema,
  type WorkflowIssue,
} from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../hooks/executionFixtures.test-helpers';
import { createEditorStore } from './createEditorStore';
import { buildValidWorkflow, storeWithComponents } from './editorStoreFixtures.test-helpers';

describe('createEditorStore: nodes', () => {
  it('starts empty, clean and named "Untitled workflow", with the initial state merged in', () => {
    const state = createEditorStore({ name: 'Orders' }).getState();
    expect(state).toMatchObject({ name: 'Orders', nodes: [], edges: [], dirty: false, past: [] });
    expect(createEditorStore().getState().name).toBe('Untitled workflow');
  });

  it('adds a node with a type-based unique id, the parameter defaults and the component name', () => {
    const store = storeWithComponents();
    const first = store.getState().addNode('http_request', { x: 10, y: 20 });
    const second = store.getState().addNode('http_request', { x: 30, y: 40 });
    expect([first, second]).toEqual(['http_request_1', 'http_request_2']);
    expect(store.getState().nodes[0]).toEqual({
      id: 'http_request_1',
      type: 'http_request',
      position: { x: 10, y: 20 },
      data: {
        label: 'HTTP Request',
        parameters: { method: 'GET', auth: 'none', timeout_ms: 30000 },
      },
    });
  });

  it('skips ids already taken when adding', () => {
    const store = storeWithComponents();
    store.getState().addNode('log', { x: 0, y: 0 });
    store.getState().addNode('log', { x: 0, y: 0 });
    store.getState().removeNodes(['log_1']);
    expect(store.getState().addNode('log', { x: 0, y: 0 })).toBe('log_1');
    expect(store.getState().addNode('log', { x: 0, y: 0 })).toBe('log_3');
  });

  it('gives each node its own copy of an object default', () => {
    const store = createEditorStore();
    const component = WorkflowComponentMetadataSchema.parse({
      type: 'with_object',
      name: 'With object',
      category: 'utilities',
      parameters: [{ name: 'headers', label: 'Headers', type: 'json', default: { a: 1 } }],
    });
    store.getState().setComponents([component]);
    const a = store.getState().addNode('with_object', { x: 0, y: 0 });
    const b = store.getState().addNode('with_object', { x: 0, y: 0 });
    const [nodeA, nodeB] = store.getState().nodes;
    expect(nodeA!.data.parameters.headers).toEqual({ a: 1 });
    expect(nodeA!.data.parameters.headers).not.toBe(nodeB!.data.parameters.headers);
    expect(nodeA!.data.parameters.headers).not.toBe(component.parameters[0]!.default);
    expect([a, b]).toEqual(['with_object_1', 'with_object_2']);
  });

  it('adds a node of a component it does not know with no parameters and no label', () => {
    const store = createEditorStore();
    store.getState().addNode('custom.thing', { x: 0, y: 0 });
    expect(store.getState().nodes[0]!.data).toEqual({ parameters: {} });
  });

  it('removes the given nodes and their edges, and the selected ones by default', () => {
    const { store, trigger, http, log } = buildValidWorkflow();
    store.getState().removeNodes([http]);
    expect(store.getState().nodes.map((n) => n.id)).toEqual([trigger, log]);
    expect(store.getState().edges).toEqual([]);
    store.getState().select([log]);
    store.getState().removeNodes();
    expect(store.getState().nodes.map((n) => n.id)).toEqual([trigger]);
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('makes no undo step when there is nothing to remove', () => {
    const store = storeWithComponents();
    store.getState().addNode('log', { x: 0, y: 0 });
    store.getState().removeNodes(['nope']);
    store.getState().removeNodes();
    expect(store.getState().past).toHaveLength(1);
  });

  it('sets a parameter, a label and settings', () => {
    const { store, http } = buildValidWorkflow();
    store.getState().setParameter(http, 'method', 'POST');
    store.getState().setNodeLabel(http, 'Fetch items');
    store.getState().setNodeSettings(http, { timeout_ms: 5000 });
    const data = store.getState().nodes.find((n) => n.id === http)!.data;
    expect(data).toMatchObject({
      label: 'Fetch items',
      settings: { timeout_ms: 5000 },
      parameters: { method: 'POST', url: 'https://example.com/items' },
    });
    store.getState().setNodeSettings(http, undefined);
    expect(store.getState().nodes.find((n) => n.id === http)!.data).not.toHaveProperty('settings');
  });

  it('selects nodes by setting their selected flags', () => {
    const { store, trigger, http } = buildValidWorkflow();
    store.getState().select([http]);
    expect(store.getState().selectedNodeIds).toEqual([http]);
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([http]);
    store.getState().select([trigger, 'missing']);
    expect(store.getState().selectedNodeIds).toEqual([trigger]);
  });
});

describe('createEditorStore: dirty flag', () => {
  it('becomes dirty on every workflow edit', () => {
    const { store, http } = buildValidWorkflow();
    const edits: Array<() => void> = [
      () => store.getState().setParameter(http, 'method', 'PUT'),
      () => store.getState().setNodeLabel(http, 'x'),
      () => store.getState().setName('Renamed'),
      () => store.getState().setPositions({ [http]: { x: 1, y: 1 } }),
      () => store.getState().removeNodes([http]),
      () => store.getState().undo(),
      () => store.getState().redo(),
      () => store.getState().addNode('log', { x: 0, y: 0 }),
    ];
    for (const edit of edits) {
      store.getState().markSaved('wf', []);
      expect(store.getState().dirty).toBe(false);
      edit();
      expect(store.getState().dirty).toBe(true);
    }
  });

  it('stays clean on selection, sizes, copy and run status', () => {
    const { store, http } = buildValidWorkflow();
    store.getState().markSaved('wf', []);
    store.getState().select([http]);
    store.getState().onNodesChange([{ id: http, type: 'select', selected: false }]);
    store
      .getState()
      .onNodesChange([{ id: http, type: 'dimensions', dimensions: { width: 100, height: 40 } }]);
    store
      .getState()
      .onEdgesChange([{ id: store.getState().edges[0]!.id, type: 'select', selected: true }]);
    store.getState().copy();
    store.getState().applyExecutionEvent(makeEvent(1, 'step_started', { attempt: 1 }, http));
    store.getState().setComponents([]);
    expect(store.getState().dirty).toBe(false);
  });

  it('stays dirty when the workflow was edited while a save was under way', () => {
    const { store, http } = buildValidWorkflow();
    const sentRevision = store.getState().revision;
    store.getState().setParameter(http, 'method', 'PUT');
    store.getState().markSaved('wf_9', [], sentRevision);
    expect(store.getState()).toMatchObject({ dirty: true, workflowId: 'wf_9' });
    store.getState().markSaved('wf_9', [], store.getState().revision);
    expect(store.getState().dirty).toBe(false);
  });
});

describe('createEditorStore: load, save and the document', () => {
  it('keeps the version loaded, then the version each save made', () => {
    const store = storeWithComponents();
    expect(store.getState().version).toBeUndefined();
    store.getState().load({
      workflowId: 'wf_1',
      name: 'Loaded',
      workflow_data: { nodes: [], edges: [] },
      version: 4,
    });
    expect(store.getState().version).toBe(4);
    store.getState().markSaved('wf_1', [], store.getState().revision, 5);
    expect(store.getState().version).toBe(5);
  });

  it('keeps the version on a save that names none, and forgets it for another workflow', () => {
    const store = storeWithComponents();
    store.getState().markSaved('wf_1', [], undefined, 2);
    store.getState().markSaved('wf_1', []);
    expect(store.getState().version).toBe(2);
    store.getState().markSaved('wf_2', []);
    expect(store.getState()).toMatchObject({ workflowId: 'wf_2', version: undefined });
  });

  it('round-trips its document through core’s schema, validation and load', () => {
    const { store } = buildValidWorkflow();
    store.getState().setNodeSettings('http_request_1', { timeout_ms: 1000 });
    store.getState().select(['log_1']);
    const data = store.getState().toWorkflowData();
    const parsed = WorkflowDataSchema.parse(data);
    expect(parsed).toEqual(data);
    expect(validateWorkflow(data, componentRegistry)).toEqual({ valid: true, errors: [] });
    expect(Object.keys(data.nodes[0]!).sort()).toEqual(['data', 'id', 'position', 'type']);
    expect(Object.keys(data.edges[0]!).sort()).toEqual([
      'id',
      'source',
      'sourceHandle',
      'target',
      'targetHandle',
    ]);

    const other = createEditorStore();
    other.getState().load({ workflowId: 'wf_1', name: 'Copy', workflow_data: parsed });
    expect(other.getState().toWorkflowData()).toEqual(data);
  });

  it('reports what validation finds in an incomplete document', () => {
    const store = storeWithComponents();
    store.getState().addNode('http_request', { x: 0, y: 0 });
    const result = validateWorkflow(store.getState().toWorkflowData(), componentRegistry);
    expect(result.errors.map((e) => e.code)).toContain('MISSING_REQUIRED_PARAMETER');
  });

  it('loads a workflow: replaces nodes and edges, clears history, selection and issues, not dirty', () => {
    const { store } = buildValidWorkflow();
    store.getState().select(['log_1']);
    store
      .getState()
      .markSaved('wf_1', [{ code: 'CYCLE', message: 'x', severity: 'error', node_id: 'log_1' }]);
    store.getState().applyExecutionEvent(makeEvent(1, 'step_started', { attempt: 1 }, 'log_1'));
    store.getState().load({
      workflowId: 'wf_2',
      name: 'Other',
      workflow_data: {
        nodes: [
          {
            id: 'n',
            type: 'log',
            position: { x: 5, y: 6 },
            data: { parameters: { message: 'hi' } },
          },
        ],
        edges: [],
      },
    });
    expect(store.getState()).toMatchObject({
      workflowId: 'wf_2',
      name: 'Other',
      nodes: [
        { id: 'n', type: 'log', position: { x: 5, y: 6 }, data: { parameters: { message: 'hi' } } },
      ],
      edges: [],
      selectedNodeIds: [],
      past: [],
      future: [],
      dirty: false,
      issuesByNode: {},
      runStatus: {},
    });
  });

  it('groups the saved validation issues by node id, workflow-wide ones under ""', () => {
    const store = createEditorStore();
    const issues: WorkflowIssue[] = [
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'url',
        severity: 'error',
        node_id: 'a',
        field: 'url',
      },
      { code: 'NO_ENTRY_NODE', message: 'no entry', severity: 'error' },
      { code: 'UNKNOWN_PARAMETER', message: 'x', severity: 'warning', node_id: 'a', field: 'x' },
    ];
    store.getState().markSaved('wf_3', issues);
    expect(store.getState().issuesByNode).toEqual({ a: [issues[0], issues[2]], '': [issues[1]] });
    expect(store.getState().workflowId).toBe('wf_3');
  });
});

describe('createEditorStore: run status', () => {
  it('tracks each step from execution events and resets on execution_started', () => {
    const store = createEditorStore();
    const apply = store.getState().applyExecutionEvent;
    apply(makeEvent(1, 'execution_started', { input_data: {}, variables: {}, total_steps: 4 }));
    apply(makeEvent(2, 'step_started', { attempt: 1 }, 'a'));
    expect(store.getState().runStatus).toEqual({ a: 'running' });
    apply(
      makeEvent(
        3,
        'step_completed',
        { output_data: 1, output_handles: ['output'], duration_ms: 1, attempts: 1 },
        'a',
      ),
    );
    apply(
      makeEvent(
        4,
        'step_failed',
        {
          error: { code: 'STEP_FAILED', message: 'x' },
          attempts: 1,
          duration_ms: 1,
          output_handles: [],
        },
        'b',
      ),
    );
    apply(makeEvent(5, 'step_skipped', { reason: 'branch_not_taken' }, 'c'));
    apply(makeEvent(6, 'log', { level: 'info', message: 'hello' }, 'a'));
    expect(store.getState().runStatus).toEqual({ a: 'completed', b: 'failed', c: 'skipped' });
    apply(makeEvent(7, 'execution_started', { input_data: {}, variables: {}, total_steps: 4 }));
    expect(store.getState().runStatus).toEqual({});
  });

  it('does not change the state for an event that changes no status', () => {
    const store = createEditorStore();
    const before = store.getState();
    store.getState().applyExecutionEvent(makeEvent(1, 'log', { level: 'info', message: 'x' }));
    expect(store.getState()).toBe(before);
  });
});
