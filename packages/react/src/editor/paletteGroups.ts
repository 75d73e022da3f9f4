import type { WorkflowComponentMetadata } from '@flowloom/core';
import { enCore } from '../i18n/enCore';

/** A palette group: a category and its components, in the order given. */
export interface ComponentGroup {
  category: string;
  label: string;
  components: WorkflowComponentMetadata[];
}

const CATEGORY_ORDER = [
  'triggers',
  'data_processing',
  'logic',
  'integrations',
  'output_actions',
  'utilities',
];

function labelOf(category: string): string {
  const words = category.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The palette's groups: components by category, known categories in a fixed order (triggers
 * first), others after them alphabetically; components keep their given order in a group. A
 * group's label is the catalogue's heading for its category (`labels`; English by default),
 * else the category in words ("Data processing").
 */
export function paletteGroups(
  components: readonly WorkflowComponentMetadata[],
  labels: Readonly<Record<string, string>> = enCore.palette.categories,
): ComponentGroup[] {
  const groups = new Map<string, WorkflowComponentMetadata[]>();
  for (const component of components) {
    const list = groups.get(component.category);
    if (list) list.push(component);
    else groups.set(component.category, [component]);
  }
  const rank = (category: string) => {
    const index = CATEGORY_ORDER.indexOf(category);
    return index < 0 ? CATEGORY_ORDER.length : index;
  };
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((category) => ({
      category,
      label: labels[category] ?? labelOf(category),
      components: groups.get(category) ?? [],
    }));
}
