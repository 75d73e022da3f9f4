import type { EditorNode } from './editorTypes';

/** Whether any node present in both lists has a different position in `after`. */
export function anyNodeMoved(before: readonly EditorNode[], after: readonly EditorNode[]): boolean {
  const positions = new Map(before.map((node) => [node.id, node.position]));
  return after.some((node) => {
    const was = positions.get(node.id);
    return was !== undefined && (was.x !== node.position.x || was.y !== node.position.y);
  });
}
