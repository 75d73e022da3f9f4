import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { EditorEdge, EditorNode } from './editorTypes';

/** Whether an @xyflow/react change edits the workflow (not selection, sizes or positions). */
export function isStructuralChange(
  change: NodeChange<EditorNode> | EdgeChange<EditorEdge>,
): boolean {
  return change.type === 'add' || change.type === 'remove' || change.type === 'replace';
}
