import type { EditorEdge, EditorNode, EditorState } from './editorTypes';

/**
 * What copy() puts on the clipboard: the selected nodes and the edges between them, as plain
 * copies (selection, sizes and other view state left out).
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
