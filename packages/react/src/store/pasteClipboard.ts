import type { XYPosition } from '@xyflow/react';
import type { EditorEdge, EditorNode, EditorState } from './editorTypes';
import { newEdgeId } from './newEdgeId';
import { newNodeId } from './newNodeId';

/**
 * The nodes and edges a paste adds: the clipboard's, with new ids, moved by `offset`, selected,
 * and with the edges between them rewired to the new ids.
 */
export function pasteClipboard(
  state: Pick<EditorState, 'nodes' | 'edges'>,
  clipboard: { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] },
  offset: XYPosition,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const takenNodeIds = new Set(state.nodes.map((node) => node.id));
  const newIdOf = new Map<string, string>();
  const nodes = clipboard.nodes.map((node): EditorNode => {
    const id = newNodeId(node.type ?? 'node', takenNodeIds);
    newIdOf.set(node.id, id);
    return {
      id,
      type: node.type,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      data: structuredClone(node.data),
      selected: true,
    };
  });
  const takenEdgeIds = new Set(state.edges.map((edge) => edge.id));
  const edges: EditorEdge[] = [];
  for (const edge of clipboard.edges) {
    const source = newIdOf.get(edge.source);
    const target = newIdOf.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const ends = {
      source,
      sourceHandle: edge.sourceHandle ?? null,
      target,
      targetHandle: edge.targetHandle ?? null,
    };
    edges.push({ id: newEdgeId(ends, takenEdgeIds), ...ends });
  }
  return { nodes, edges };
}
