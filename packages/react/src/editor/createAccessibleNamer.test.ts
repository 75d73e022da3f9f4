import { describe, expect, it } from 'vitest';
import type { EditorEdge, EditorNode } from '../store/editorTypes';
import { createAccessibleNamer } from './createAccessibleNamer';

const node = (id: string): EditorNode => ({
  id,
  type: 'log',
  position: { x: 0, y: 0 },
  data: { parameters: {} },
});

describe('createAccessibleNamer', () => {
  it('names each node and says what it is', () => {
    const namer = createAccessibleNamer();
    const [shown] = namer.nodes([node('a')], () => ({ label: 'Log', role: 'step' }));
    expect(shown).toMatchObject({
      id: 'a',
      ariaLabel: 'Log',
      domAttributes: { 'aria-roledescription': 'step' },
    });
  });

  it('keeps a named node the same object while the node and its name are', () => {
    const namer = createAccessibleNamer();
    const nodes = [node('a'), node('b')];
    const name = (n: EditorNode) => ({ label: n.id, role: 'step' });
    const first = namer.nodes(nodes, name);
    const again = namer.nodes(nodes, name);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    const renamed = namer.nodes(nodes, (n) => ({ label: `${n.id}!`, role: 'step' }));
    expect(renamed[0]).not.toBe(first[0]);
    expect(renamed[0]!.ariaLabel).toBe('a!');
  });

  it('names edges the same way', () => {
    const namer = createAccessibleNamer();
    const edge: EditorEdge = { id: 'e', source: 'a', target: 'b' };
    const [shown] = namer.edges([edge], () => ({ label: 'From a to b', role: 'connection' }));
    expect(shown).toMatchObject({
      ariaLabel: 'From a to b',
      domAttributes: { 'aria-roledescription': 'connection' },
    });
    expect(namer.edges([edge], () => ({ label: 'From a to b', role: 'connection' }))[0]).toBe(
      shown,
    );
  });
});
