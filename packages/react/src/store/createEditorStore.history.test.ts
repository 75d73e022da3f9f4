import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { createEditorStore, HISTORY_LIMIT } from './createEditorStore';

function setup() {
  const store = createEditorStore();
  store.getState().setComponents(componentRegistry.getAllComponents());
  const s = () => store.getState();
  const a = s().addNode('manual_trigger', { x: 0, y: 0 });
  const b = s().addNode('log', { x: 200, y: 0 });
  s().connect({ source: a, sourceHandle: 'output', target: b, targetHandle: 'input' });
  const c = s().addNode('delay', { x: 400, y: 0 });
  return { store, s, a, b, c };
}

const doc = (store: ReturnType<typeof setup>['store']) => store.getState().toWorkflowData();

describe('createEditorStore: undo and redo', () => {
  const cases: Array<[string, (ctx: ReturnType<typeof setup>) => void]> = [
    ['addNode', ({ s }) => void s().addNode('delay', { x: 1, y: 1 })],
    ['removeNodes', ({ s, a }) => s().removeNodes([a])],
    [
      'connect',
      ({ s, b, c }) => {
        expect(
          s().connect({ source: b, sourceHandle: 'output', target: c, targetHandle: 'input' }),
        ).toEqual({ ok: true });
      },
    ],
    ['setParameter', ({ s, b }) => s().setParameter(b, 'message', 'hi')],
    ['setNodeLabel', ({ s, b }) => s().setNodeLabel(b, 'Say hi')],
    ['setNodeSettings', ({ s, b }) => s().setNodeSettings(b, { timeout_ms: 10 })],
    [
      'setPositions',
      ({ s, a, b }) => s().setPositions({ [a]: { x: 5, y: 5 }, [b]: { x: 9, y: 9 } }),
    ],
    ['an edge removal', ({ s }) => s().onEdgesChange([{ id: s().edges[0]!.id, type: 'remove' }])],
    ['a node removal change', ({ s, b }) => s().onNodesChange([{ id: b, type: 'remove' }])],
    [
      'paste',
      ({ s, a, b }) => {
        s().select([a, b]);
        s().copy();
        s().paste();
      },
    ],
  ];
  for (const [name, edit] of cases) {
    it(`undoes and redoes ${name}`, () => {
      const ctx = setup();
      const before = doc(ctx.store);
      edit(ctx);
      const after = doc(ctx.store);
      expect(after).not.toEqual(before);
      ctx.s().undo();
      expect(doc(ctx.store)).toEqual(before);
      ctx.s().redo();
      expect(doc(ctx.store)).toEqual(after);
    });
  }

  it('undoes the setup edits one by one, then does nothing', () => {
    const { s } = setup();
    expect(s().past).toHaveLength(4);
    s().undo();
    expect(s().nodes).toHaveLength(2);
    s().undo();
    expect(s().edges).toEqual([]);
    s().undo();
    s().undo();
    expect(s().nodes).toEqual([]);
    s().undo();
    expect(s().nodes).toEqual([]);
    expect(s().future).toHaveLength(4);
  });

  it('drops the redo stack on a new edit', () => {
    const { s } = setup();
    s().undo();
    s().undo();
    expect(s().future).toHaveLength(2);
    s().addNode('delay', { x: 0, y: 0 });
    expect(s().future).toEqual([]);
    s().redo();
    expect(s().edges).toEqual([]);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    const { s, b } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1)
      s().setPositions({ [b]: { x: i + 1000, y: 0 } });
    expect(s().past).toHaveLength(HISTORY_LIMIT);
  });

  it('makes consecutive edits of one field one step, and of another field a new one', () => {
    const { s, b } = setup();
    const steps = s().past.length;
    s().setParameter(b, 'message', 'h');
    s().setParameter(b, 'message', 'he');
    s().setParameter(b, 'message', 'hey');
    expect(s().past).toHaveLength(steps + 1);
    s().setParameter(b, 'level', 'warn');
    expect(s().past).toHaveLength(steps + 2);
    s().undo();
    s().undo();
    expect(s().nodes.find((n) => n.id === b)!.data.parameters).toEqual({ level: 'info' });
  });

  it('ignores a parameter set to the value it has', () => {
    const { s, b } = setup();
    const before = s();
    s().setParameter(b, 'level', 'info');
    expect(s()).toBe(before);
  });

  it('keeps the current selection across undo', () => {
    const { s, a, b } = setup();
    s().setPositions({ [a]: { x: 50, y: 50 } });
    s().select([b]);
    s().undo();
    expect(s().selectedNodeIds).toEqual([b]);
    expect(s().nodes.find((n) => n.id === b)!.selected).toBe(true);
  });
});

describe('createEditorStore: changes from @xyflow/react', () => {
  it('records a whole drag as one step when it ends', () => {
    const { s, a } = setup();
    const steps = s().past.length;
    for (const x of [10, 20, 30]) {
      s().onNodesChange([{ id: a, type: 'position', position: { x, y: 0 }, dragging: true }]);
    }
    expect(s().nodes.find((n) => n.id === a)!.position).toEqual({ x: 30, y: 0 });
    expect(s().past).toHaveLength(steps);
    s().onNodesChange([{ id: a, type: 'position', position: { x: 40, y: 0 }, dragging: false }]);
    expect(s().past).toHaveLength(steps + 1);
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().nodes.find((n) => n.id === a)!.position).toEqual({ x: 0, y: 0 });
  });

  it('records a keyboard move as a step, and a click that moves nothing as none', () => {
    const { s, a } = setup();
    const steps = s().past.length;
    s().onNodesChange([{ id: a, type: 'position', position: { x: 0, y: 0 }, dragging: false }]);
    expect(s().past).toHaveLength(steps);
    s().onNodesChange([{ id: a, type: 'position', position: { x: 5, y: 0 } }]);
    expect(s().past).toHaveLength(steps + 1);
  });

  it('follows selection changes without history', () => {
    const { s, a, b } = setup();
    const steps = s().past.length;
    s().onNodesChange([
      { id: a, type: 'select', selected: true },
      { id: b, type: 'select', selected: true },
    ]);
    expect(s().selectedNodeIds).toEqual([a, b]);
    s().onNodesChange([{ id: a, type: 'select', selected: false }]);
    expect(s().selectedNodeIds).toEqual([b]);
    expect(s().past).toHaveLength(steps);
  });

  it('makes xyflow’s delete (edges, then nodes, in one task) one undo step', () => {
    const { s, b } = setup();
    const steps = s().past.length;
    const edgeId = s().edges[0]!.id;
    s().onEdgesChange([{ id: edgeId, type: 'remove' }]);
    s().onNodesChange([{ id: b, type: 'remove' }]);
    expect(s().nodes).toHaveLength(2);
    expect(s().past).toHaveLength(steps + 1);
    s().undo();
    expect(s().nodes).toHaveLength(3);
    expect(s().edges).toHaveLength(1);
  });

  it('makes removals in separate tasks separate steps', async () => {
    const { s, a, b } = setup();
    const steps = s().past.length;
    s().onNodesChange([{ id: b, type: 'remove' }]);
    await Promise.resolve();
    s().onNodesChange([{ id: a, type: 'remove' }]);
    expect(s().past).toHaveLength(steps + 2);
  });

  it('removes the edges of a node removed by a change, and ignores removals of absent edges', () => {
    const { s, b } = setup();
    const edgeId = s().edges[0]!.id;
    s().onNodesChange([{ id: b, type: 'remove' }]);
    expect(s().edges).toEqual([]);
    const before = s();
    s().onEdgesChange([{ id: edgeId, type: 'remove' }]);
    expect(s()).toBe(before);
  });
});

describe('createEditorStore: copy and paste', () => {
  it('pastes copies with new ids, in a free spot near the originals and selected, keeping edges between copied nodes only', () => {
    const { s, a, b, c } = setup();
    s().connect({ source: b, sourceHandle: 'output', target: c, targetHandle: 'input' });
    s().setParameter(b, 'message', 'copied');
    s().select([a, b]);
    s().copy();
    s().paste();
    const pasted = s().nodes.slice(3);
    expect(pasted.map((n) => [n.id, n.type, n.position, n.selected])).toEqual([
      ['manual_trigger_2', 'manual_trigger', { x: 40, y: 120 }, true],
      ['log_2', 'log', { x: 240, y: 120 }, true],
    ]);
    expect(pasted[1]!.data.parameters.message).toBe('copied');
    expect(s().selectedNodeIds).toEqual(['manual_trigger_2', 'log_2']);
    expect(
      s()
        .nodes.slice(0, 3)
        .some((n) => n.selected),
    ).toBe(false);
    const newEdges = s().edges.slice(2);
    expect(newEdges).toEqual([
      expect.objectContaining({
        source: 'manual_trigger_2',
        sourceHandle: 'output',
        target: 'log_2',
        targetHandle: 'input',
      }),
    ]);
    expect(new Set(s().edges.map((e) => e.id)).size).toBe(3);
  });

  it('pastes again beside the last paste without covering it, and with a given offset exactly', () => {
    const { s, a } = setup();
    s().select([a]);
    s().copy();
    s().paste();
    s().paste();
    s().paste({ x: 0, y: 100 });
    expect(
      s()
        .nodes.slice(3)
        .map((n) => n.position),
    ).toEqual([
      { x: 40, y: 120 },
      { x: 80, y: 240 },
      { x: 80, y: 340 },
    ]);
  });

  it('keeps the copy independent of later edits to the original', () => {
    const { s, b } = setup();
    s().select([b]);
    s().copy();
    s().setParameter(b, 'message', 'changed later');
    s().paste();
    expect(s().nodes.at(-1)!.data.parameters.message).toBeUndefined();
  });

  it('keeps the clipboard when copying with nothing selected, and pastes nothing from an empty one', () => {
    const { s, a } = setup();
    const before = s();
    s().paste();
    expect(s()).toBe(before);
    s().select([a]);
    s().copy();
    s().select([]);
    s().copy();
    expect(s().clipboard?.nodes.map((n) => n.id)).toEqual([a]);
  });
});
