import type { EditorEdge } from '../store/editorTypes';

/** The class of an edge with a problem (on a cycle, or named by a save's issue). */
export const INVALID_EDGE_CLASS = 'flowloom-edge--invalid';

/**
 * Returns a function that marks the edges with problems with a class (the canvas names them, in
 * the editor's language, as having one); others pass through unchanged, and a marked edge keeps
 * its identity while the store's edge does, so @xyflow/react re-renders only what changed.
 */
export function withProblemMarks(): (
  edges: readonly EditorEdge[],
  invalid: ReadonlySet<string>,
) => EditorEdge[] {
  const marked = new WeakMap<EditorEdge, EditorEdge>();
  return (edges, invalid) => {
    if (invalid.size === 0) return edges as EditorEdge[];
    return edges.map((edge) => {
      if (!invalid.has(edge.id)) return edge;
      let shown = marked.get(edge);
      if (!shown) {
        shown = {
          ...edge,
          className: edge.className
            ? `${edge.className} ${INVALID_EDGE_CLASS}`
            : INVALID_EDGE_CLASS,
        };
        marked.set(edge, shown);
      }
      return shown;
    });
  };
}
