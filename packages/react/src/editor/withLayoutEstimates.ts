import type { WorkflowComponentMetadata } from '@flowloom/core';
import type { EditorNode } from '../store/editorTypes';
import { estimateNodeLayout, type NodeLayoutEstimate } from './estimateNodeLayout';

/**
 * Gives the nodes @xyflow/react has not measured yet estimated `initialWidth`, `initialHeight`
 * and `handles`, so it can cull them before measuring; measured nodes pass through unchanged,
 * without the estimated handles, so their edges anchor to the real ones.
 *
 * @remarks Returns a function to call with each new node list: it keeps the nodes it made by
 * the store's node, so an unchanged node keeps its identity (as @xyflow/react needs to skip
 * it), and it remembers the ids measured once, so a node restored by undo is measured again
 * rather than estimated.
 */
export function createLayoutEstimator(
  components: Readonly<Record<string, WorkflowComponentMetadata>>,
): (nodes: readonly EditorNode[]) => EditorNode[] {
  const estimates = new Map<string, NodeLayoutEstimate>();
  const made = new WeakMap<EditorNode, EditorNode>();
  const measured = new Set<string>();
  const estimateOf = (type: string) => {
    let estimate = estimates.get(type);
    if (!estimate) {
      estimate = estimateNodeLayout(components[type]);
      estimates.set(type, estimate);
    }
    return estimate;
  };
  return (nodes) =>
    nodes.map((node) => {
      if (node.measured?.width !== undefined || measured.has(node.id)) {
        measured.add(node.id);
        return node;
      }
      let estimated = made.get(node);
      if (!estimated) {
        const estimate = estimateOf(node.type ?? '');
        estimated = {
          ...node,
          initialWidth: estimate.width,
          initialHeight: estimate.height,
          handles: estimate.handles,
        };
        made.set(node, estimated);
      }
      return estimated;
    });
}
