import { ComponentCategory, type WorkflowComponentMetadata } from '@flowloom/core';

/**
 * Component metadata grouped by category, in the given order. Every category has a key, empty
 * or not; a category the schema does not know (a newer server) gets its own key.
 */
export function groupByCategory(
  components: readonly WorkflowComponentMetadata[],
): Record<ComponentCategory, WorkflowComponentMetadata[]> {
  const groups = Object.fromEntries(
    Object.values(ComponentCategory).map((category) => [category, []]),
  ) as unknown as Record<string, WorkflowComponentMetadata[]>;
  for (const component of components) {
    const group = groups[component.category];
    if (group) group.push(component);
    else groups[component.category] = [component];
  }
  return groups as Record<ComponentCategory, WorkflowComponentMetadata[]>;
}
