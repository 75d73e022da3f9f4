import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { EditorEdge, EditorNode, EditorStore } from '../store/editorTypes';

/**
 * Removes the selected nodes and edges (deletable ones) as one undo step, as @xyflow/react's
 * delete does: edges first, then nodes, in one task. Returns whether anything was selected.
 */
export function removeSelection(state: EditorStore): boolean {
  const edgeRemovals: EdgeChange<EditorEdge>[] = state.edges
    .filter((edge) => edge.selected)
    .map((edge) => ({ type: 'remove', id: edge.id }));
  const nodeRemovals: NodeChange<EditorNode>[] = state.nodes
    .filter((node) => node.selected || state.selectedNodeIds.includes(node.id))
    .filter((node) => node.deletable !== false)
    .map((node) => ({ type: 'remove', id: node.id }));
  if (edgeRemovals.length === 0 && nodeRemovals.length === 0) return false;
  if (edgeRemovals.length > 0) state.onEdgesChange(edgeRemovals);
  if (nodeRemovals.length > 0) state.onNodesChange(nodeRemovals);
  return true;
}
