import { componentRegistry, type WorkflowIssue } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { collectProblems } from './collectProblems';
import type { EditorEdge, EditorNode, EditorState } from './editorTypes';

const components = Object.fromEntries(
  componentRegistry.getAllComponents().map((component) => [component.type, component]),
);
const node = (id: string, type = 'log'): EditorNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { parameters: {} },
});
const edge = (source: string, target: string): EditorEdge => ({
  id: `${source}-${target}`,
  source,
  target,
});
const state = (
  nodes: EditorNode[],
  edges: EditorEdge[],
  issuesByNode: Record<string, WorkflowIssue[]> = {},
): Pick<EditorState, 'nodes' | 'edges' | 'components' | 'issuesByNode'> => ({
  nodes,
  edges,
  components,
  issuesByNode,
});

describe('collectProblems', () => {
  it('words its own problems with the messages in the state', async () => {
    const { de } = await import('../locales/de');
    const found = collectProblems({
      ...state(
        [node('t', 'manual_trigger'), node('a'), node('b'), node('lonely')],
        [edge('t', 'a'), edge('a', 'b'), edge('b', 'a')],
      ),
      problemText: de.problems,
    });
    expect(found.problemsByNode.a?.[0]?.message).toBe(
      'Er liegt in einem Kreis mit b: Entfernen Sie eine der Verbindungen, um ihn aufzulösen.',
    );
    expect(found.problemsByNode.lonely?.[0]?.message).toBe(
      'Kein Auslöser erreicht ihn; er wird übersprungen.',
    );
  });

  it('marks every node and edge of a cycle as an error', () => {
    const found = collectProblems(
      state(
        [node('t', 'manual_trigger'), node('a'), node('b')],
        [edge('t', 'a'), edge('a', 'b'), edge('b', 'a')],
      ),
    );
    expect(found.problemsByNode.a).toEqual([
      expect.objectContaining({ code: 'CYCLE', severity: 'error', node_id: 'a' }),
    ]);
    expect(found.problemsByNode.b?.[0]?.message).toContain('a');
    expect(found.problemsByNode.t).toBeUndefined();
    expect([...found.invalidEdgeIds].sort()).toEqual(['a-b', 'b-a']);
  });

  it('warns about a step no trigger reaches', () => {
    const found = collectProblems(state([node('t', 'manual_trigger'), node('lonely')], []));
    expect(found.problemsByNode.lonely).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_NODE', severity: 'warning' }),
    ]);
  });

  it('keeps the save’s issues of nodes still there, and drops its cycle issues for the fresh check', () => {
    const issues: Record<string, WorkflowIssue[]> = {
      a: [
        {
          code: 'MISSING_REQUIRED_PARAMETER',
          message: 'Message is required',
          severity: 'error',
          node_id: 'a',
          field: 'message',
        },
        {
          code: 'CYCLE',
          message: 'The workflow has a cycle: a → b → a',
          severity: 'error',
          node_id: 'a',
        },
      ],
      gone: [
        { code: 'MISSING_REQUIRED_PARAMETER', message: 'x', severity: 'error', node_id: 'gone' },
      ],
    };
    const found = collectProblems(state([node('a'), node('b')], [edge('a', 'b')], issues));
    expect(found.problemsByNode.a?.map((issue) => issue.code)).toEqual([
      'MISSING_REQUIRED_PARAMETER',
    ]);
    expect(found.problemsByNode.gone).toBeUndefined();
  });

  it('marks the edges the save’s issues name', () => {
    const issues: Record<string, WorkflowIssue[]> = {
      '': [{ code: 'UNKNOWN_HANDLE', message: 'bad handle', severity: 'error', edge_id: 'a-b' }],
    };
    const found = collectProblems(state([node('a'), node('b')], [edge('a', 'b')], issues));
    expect([...found.invalidEdgeIds]).toEqual(['a-b']);
  });

  it('reuses the arrays of nodes whose problems did not change', () => {
    const first = collectProblems(state([node('t', 'manual_trigger'), node('x')], []));
    const again = collectProblems(
      state([node('t', 'manual_trigger'), node('x'), node('y')], []),
      first.problemsByNode,
    );
    expect(again.problemsByNode.x).toBe(first.problemsByNode.x);
    expect(again.problemsByNode.y).toBeDefined();
  });
});
