import type { WorkflowComponentMetadata } from '@flowloom/core';
import type { EditorNode } from '../store/editorTypes';

/**
 * What to call each node in messages: its label, else its component's name; nodes sharing a
 * name get their id added ("Log (log_2)"), so a list of problems names each one apart.
 */
export function nodeNames(
  nodes: readonly EditorNode[],
  components: Readonly<Record<string, WorkflowComponentMetadata>>,
): Map<string, string> {
  const base = new Map(
    nodes.map((node) => [
      node.id,
      node.data.label?.trim() || components[node.type ?? '']?.name || node.type || node.id,
    ]),
  );
  const uses = new Map<string, number>();
  for (const name of base.values()) uses.set(name, (uses.get(name) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const [id, name] of base)
    names.set(id, (uses.get(name) ?? 0) > 1 ? `${name} (${id})` : name);
  return names;
}
