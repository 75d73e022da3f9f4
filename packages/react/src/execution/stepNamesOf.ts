import type { WorkflowComponentMetadata } from '@flowloom/core';

/** The little of a node that names it. */
interface NamedNode {
  id: string;
  type?: string;
  data?: { label?: string };
}

/**
 * What each step of a workflow is called on the canvas: its label, else its component's name,
 * else its id.
 */
export function stepNamesOf(
  nodes: readonly NamedNode[] | undefined,
  components?: Readonly<Record<string, WorkflowComponentMetadata>>,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const node of nodes ?? []) {
    const label = node.data?.label?.trim();
    names[node.id] = label || components?.[node.type ?? '']?.name || node.id;
  }
  return names;
}
