import type { EditorNode } from './editorTypes';

/**
 * The nodes with `selected` set for exactly the ids given. Nodes whose flag is already right keep
 * their identity, so @xyflow/react and memoised node components re-render only what changed.
 */
export function withSelection(
  nodes: readonly EditorNode[],
  ids: ReadonlySet<string>,
): EditorNode[] {
  return nodes.map((node) =>
    Boolean(node.selected) === ids.has(node.id) ? node : { ...node, selected: ids.has(node.id) },
  );
}
