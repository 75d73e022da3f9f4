import { describe, expect, it } from 'vitest';
import { makeEvent } from '../hooks/executionFixtures.test-helpers';
import { storeWithComponents } from './editorStoreFixtures.test-helpers';

function setup() {
  const store = storeWithComponents();
  const s = () => store.getState();
  const trigger = s().addNode('manual_trigger', { x: 0, y: 0 });
  const log = s().addNode('log', { x: 300, y: 0 });
  s().connect({ source: trigger, sourceHandle: 'output', target: log, targetHandle: 'input' });
  return { store, s, trigger, log };
}

describe('createEditorStore: workbench actions', () => {
  it('words the graph check’s problems anew when the messages change', () => {
    const { s, store } = setup();
    s().addNode('log', { x: 600, y: 0 });
    expect(s().problemsByNode.log_2?.[0]?.message).toBe(
      'It cannot be reached from a trigger and will be skipped.',
    );
    store.setState({ problemText: { ...s().problemText, unreachable: 'Not reached.' } });
    expect(s().problemsByNode.log_2?.[0]?.message).toBe('Not reached.');
  });

  it('selects every node', () => {
    const { s } = setup();
    s().selectAll();
    expect(s().selectedNodeIds).toEqual(['manual_trigger_1', 'log_1']);
    expect(s().nodes.every((node) => node.selected)).toBe(true);
  });

  it('duplicates the selection with its inner edges beside it, selected, leaving the clipboard alone', () => {
    const { s, trigger, log } = setup();
    s().select([trigger, log]);
    s().duplicate();
    const copies = s().nodes.slice(2);
    expect(copies.map((node) => node.id)).toEqual(['manual_trigger_2', 'log_2']);
    expect(s().selectedNodeIds).toEqual(['manual_trigger_2', 'log_2']);
    expect(copies[0]!.position).not.toEqual({ x: 0, y: 0 });
    expect(s().edges.at(-1)).toMatchObject({ source: 'manual_trigger_2', target: 'log_2' });
    expect(s().clipboard).toBeUndefined();
    s().undo();
    expect(s().nodes).toHaveLength(2);
  });

  it('cuts the selection to the clipboard as one undo step', () => {
    const { s, log } = setup();
    s().select([log]);
    s().cut();
    expect(s().nodes.map((node) => node.id)).toEqual(['manual_trigger_1']);
    expect(s().edges).toEqual([]);
    expect(s().clipboard?.nodes.map((node) => node.id)).toEqual([log]);
    s().undo();
    expect(s().nodes).toHaveLength(2);
    expect(s().edges).toHaveLength(1);
  });

  it('disables and enables nodes, saved in the document as data.disabled', () => {
    const { s, log } = setup();
    s().setNodesDisabled([log], true);
    expect(s().toWorkflowData().nodes[1]!.data.disabled).toBe(true);
    expect(s().dirty).toBe(true);
    s().setNodesDisabled([log], false);
    expect('disabled' in s().toWorkflowData().nodes[1]!.data).toBe(false);
  });

  it('pins test input on a trigger as data.pinned_input, and removes it', () => {
    const { s, trigger } = setup();
    s().setPinnedInput(trigger, { order: 1 });
    expect(s().toWorkflowData().nodes[0]!.data.pinned_input).toEqual({ order: 1 });
    s().setPinnedInput(trigger, undefined);
    expect('pinned_input' in s().toWorkflowData().nodes[0]!.data).toBe(false);
  });

  it('keeps on_error in the node settings it saves', () => {
    const { s, log } = setup();
    s().setNodeSettings(log, { timeout_ms: 500, on_error: 'continue' });
    expect(s().toWorkflowData().nodes[1]!.data.settings).toEqual({
      timeout_ms: 500,
      on_error: 'continue',
    });
  });

  it('inserts a node connected to the output a connection was dragged from, as one undo step', () => {
    const { s, log } = setup();
    const id = s().insertConnectedNode(
      'delay',
      { x: 600, y: 0 },
      {
        nodeId: log,
        handleId: 'output',
        handleType: 'source',
      },
    );
    expect(id).toBe('delay_1');
    expect(s().edges.at(-1)).toMatchObject({
      source: log,
      sourceHandle: 'output',
      target: 'delay_1',
      targetHandle: 'input',
    });
    expect(s().selectedNodeIds).toEqual(['delay_1']);
    s().undo();
    expect(s().nodes).toHaveLength(2);
    expect(s().edges).toHaveLength(1);
  });

  it('inserts a node feeding the input a connection was dragged from', () => {
    const { s, log } = setup();
    const id = s().insertConnectedNode(
      'delay',
      { x: 100, y: 200 },
      {
        nodeId: log,
        handleId: 'input',
        handleType: 'target',
      },
    );
    expect(s().edges.at(-1)).toMatchObject({ source: id, target: log, targetHandle: 'input' });
  });

  it('refuses to insert a trigger on a dragged output: a trigger takes no input', () => {
    const { s, log } = setup();
    const before = s();
    const id = s().insertConnectedNode(
      'manual_trigger',
      { x: 0, y: 0 },
      {
        nodeId: log,
        handleId: 'output',
        handleType: 'source',
      },
    );
    expect(id).toBeUndefined();
    expect(s().nodes).toBe(before.nodes);
  });

  it('reveals a problem: selects the node and asks for its field, again on a second ask', () => {
    const { s, log } = setup();
    s().revealProblem(log, 'message');
    expect(s().selectedNodeIds).toEqual([log]);
    const first = s().focusRequest;
    expect(first).toMatchObject({ nodeId: log, field: 'message' });
    s().revealProblem(log, 'message');
    expect(s().focusRequest!.seq).toBeGreaterThan(first!.seq);
  });

  it('keeps the problems current: a cycle is marked once loaded, and gone once broken', () => {
    const { s } = setup();
    s().load({
      name: 'Loop',
      workflow_data: {
        nodes: [
          { id: 't', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
          {
            id: 'a',
            type: 'log',
            position: { x: 0, y: 0 },
            data: { parameters: { message: 'x' } },
          },
          {
            id: 'b',
            type: 'log',
            position: { x: 0, y: 0 },
            data: { parameters: { message: 'y' } },
          },
        ],
        edges: [
          { id: 'ta', source: 't', target: 'a' },
          { id: 'ab', source: 'a', target: 'b' },
          { id: 'ba', source: 'b', target: 'a' },
        ],
      },
    });
    expect(s().problemsByNode.a?.[0]?.code).toBe('CYCLE');
    expect([...s().invalidEdgeIds].sort()).toEqual(['ab', 'ba']);
    s().onEdgesChange([{ type: 'remove', id: 'ba' }]);
    expect(s().problemsByNode.a).toBeUndefined();
    expect(s().invalidEdgeIds.size).toBe(0);
  });

  it('keeps the last run’s input and outputs from its events', () => {
    const { s } = setup();
    s().applyExecutionEvent(
      makeEvent(1, 'execution_started', { input_data: { id: 1 }, variables: {}, total_steps: 2 }),
    );
    s().applyExecutionEvent(
      makeEvent(
        2,
        'step_completed',
        { output_data: { ok: true }, output_handles: ['output'], duration_ms: 1, attempts: 1 },
        'manual_trigger_1',
      ),
    );
    expect(s().runData).toMatchObject({
      input: { id: 1 },
      outputs: { manual_trigger_1: { ok: true } },
    });
  });
});
