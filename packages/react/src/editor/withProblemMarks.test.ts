import { describe, expect, it } from 'vitest';
import type { EditorEdge } from '../store/editorTypes';
import { INVALID_EDGE_CLASS, withProblemMarks } from './withProblemMarks';

const edge = (id: string): EditorEdge => ({ id, source: 'a', target: 'b' });

describe('withProblemMarks', () => {
  it('marks the edges with problems with a class, and only those', () => {
    const mark = withProblemMarks();
    const edges = [edge('ok'), edge('bad')];
    const shown = mark(edges, new Set(['bad']));
    expect(shown[0]).toBe(edges[0]);
    expect(shown[1]).toMatchObject({ className: INVALID_EDGE_CLASS });
  });

  it('keeps a marked edge the same object while the store’s edge is', () => {
    const mark = withProblemMarks();
    const edges = [edge('bad')];
    const invalid = new Set(['bad']);
    expect(mark(edges, invalid)[0]).toBe(mark(edges, invalid)[0]);
  });

  it('returns the edges themselves when none has a problem', () => {
    const edges = [edge('ok')];
    expect(withProblemMarks()(edges, new Set())).toBe(edges);
  });
});
