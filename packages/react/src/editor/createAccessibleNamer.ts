import type { EditorEdge, EditorNode } from '../store/editorTypes';

/** What a screen reader is told about one node or edge. */
export interface AccessibleName {
  /** Its accessible name (`aria-label`). */
  label: string;
  /** What kind of thing it is (`aria-roledescription`), e.g. "step". */
  role: string;
}

interface Named<T> {
  label: string;
  role: string;
  shown: T;
}

/**
 * Returns functions that give the canvas's nodes and edges accessible names in the editor's
 * language (a node by its name, an edge by the names of the steps it joins) and a role
 * description in place of @xyflow/react's English "node" and "edge".
 *
 * @remarks A named node or edge keeps its identity while the one given and its name do, so
 * @xyflow/react re-renders only what changed (a graph of thousands of nodes stays fast).
 */
export function createAccessibleNamer(): {
  nodes: (
    nodes: readonly EditorNode[],
    nameOf: (node: EditorNode) => AccessibleName,
  ) => EditorNode[];
  edges: (
    edges: readonly EditorEdge[],
    nameOf: (edge: EditorEdge) => AccessibleName,
  ) => EditorEdge[];
} {
  const nodes = new WeakMap<EditorNode, Named<EditorNode>>();
  const edges = new WeakMap<EditorEdge, Named<EditorEdge>>();
  return {
    nodes: (list, nameOf) =>
      list.map((node) => {
        const { label, role } = nameOf(node);
        const known = nodes.get(node);
        if (known && known.label === label && known.role === role) return known.shown;
        const shown: EditorNode = {
          ...node,
          ariaLabel: label,
          domAttributes: { ...node.domAttributes, 'aria-roledescription': role },
        };
        nodes.set(node, { label, role, shown });
        return shown;
      }),
    edges: (list, nameOf) =>
      list.map((edge) => {
        const { label, role } = nameOf(edge);
        const known = edges.get(edge);
        if (known && known.label === label && known.role === role) return known.shown;
        const shown: EditorEdge = {
          ...edge,
          ariaLabel: label,
          domAttributes: { ...edge.domAttributes, 'aria-roledescription': role },
        };
        edges.set(edge, { label, role, shown });
        return shown;
      }),
  };
}
