import type { EditorEdge, EditorNode, EditorState } from './editorTypes';

/**
 * What copy() puts on the clipboard: the selected nodes and the edges between them, as plain
 * copies (selection and other view state left out; the measured size is kept so a paste can
 * find room for them).
 */
export function copySelection(state: Pick<EditorState, 'nodes' | 'edges' | 'selectedNodeIds'>): {
  nodes: EditorNode[];
  edges: EditorEdge[];
} {
  const ids = new Set(state.selectedNodeIds);
  const nodes = state.nodes
    .filter((node) => ids.has(node.id))
    .map((node) => ({
      id: node.id,
      type: node.type,
      position: { ...node.position },
      data: structuredClone(node.data),
      ...(node.measured ? { measured: { ...node.measured } } : {}),
    }));
  const edges = state.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? null,
      target: edge.target,
      targetHandle: edge.targetHandle ?? null,
    }));
  return { nodes, edges };
}
