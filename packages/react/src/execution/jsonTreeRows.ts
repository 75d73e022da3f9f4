import { enRuns } from '../i18n/enRuns';
import type { Messages } from '../i18n/Messages';
/** One line of a JSON tree: a value at a depth, under its parent's line. */
export interface JsonTreeRow {
  /** The value shown. */
  value: unknown;
  /** The key or index the value has in its parent; `undefined` for the root. */
  key: string | number | undefined;
  /** The parent's line; `undefined` for the root. */
  parent: JsonTreeRow | undefined;
  depth: number;
  /** Whether the value is a non-empty object or array. */
  expandable: boolean;
  expanded: boolean;
  /** The value in one line: a string quoted and cut, a collection by its size. */
  preview: string;
  /** What the value is, for its colour. */
  kind: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'other';
}

/** The collections whose open state differs from their depth's default (a `WeakSet` fits). */
export interface ToggledCollections {
  has(collection: object): boolean;
}

/** Longest string shown in a row before it is cut with an ellipsis. */
const MAX_PREVIEW = 200;

function kindOf(value: unknown): JsonTreeRow['kind'] {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object') {
    return type;
  }
  return 'other';
}

/** How a collapsed collection counts its entries ("3 items", "2 keys"). */
export type CollectionCounts = Pick<Messages['json'], 'items' | 'keys'>;

function previewOf(value: unknown, kind: JsonTreeRow['kind'], counts: CollectionCounts): string {
  switch (kind) {
    case 'string': {
      const text = JSON.stringify(value);
      return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…"` : text;
    }
    case 'array': {
      const length = (value as unknown[]).length;
      return length === 0 ? '[]' : `[…] ${counts.items(length)}`;
    }
    case 'object': {
      const size = Object.keys(value as object).length;
      return size === 0 ? '{}' : `{…} ${counts.keys(size)}`;
    }
    case 'other':
      return value === undefined ? 'undefined' : String(value);
    default:
      return String(value);
  }
}

/** The keys from the root to a row's value, e.g. `['body', 'items', 0]`. */
export function pathOfRow(row: JsonTreeRow): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: JsonTreeRow | undefined = row; at?.parent; at = at.parent) {
    path.push(at.key as string | number);
  }
  return path.reverse();
}

/**
 * The visible lines of a JSON value as a tree: a collection's children follow it while it is
 * expanded. Collections less deep than `openDepth` start expanded; one in `toggled` is the
 * other way round (collections are told apart by identity: event data is never shared between
 * two places). Linear in the lines shown and iterative, so a deep value can't overflow the stack.
 * A collapsed collection's preview counts its entries in `counts`' words (English by default).
 *
 * @example jsonTreeRows({ a: [1, 2] }, new WeakSet()) // → the root, then `a` (collapsed)
 */
export function jsonTreeRows(
  value: unknown,
  toggled: ToggledCollections,
  openDepth = 1,
  counts: CollectionCounts = enRuns.json,
): JsonTreeRow[] {
  const rows: JsonTreeRow[] = [];
  const stack: Array<{ value: unknown; key: string | number | undefined; parent?: JsonTreeRow }> = [
    { value, key: undefined },
  ];
  while (stack.length > 0) {
    const { value: current, key, parent } = stack.pop()!;
    const kind = kindOf(current);
    const children =
      kind === 'array'
        ? (current as unknown[]).map((child, index) => [index, child] as const)
        : kind === 'object'
          ? Object.entries(current as Record<string, unknown>)
          : [];
    const depth = parent ? parent.depth + 1 : 0;
    const expandable = children.length > 0;
    const expanded = expandable && depth < openDepth !== toggled.has(current as object);
    const row: JsonTreeRow = {
      value: current,
      key,
      parent,
      depth,
      expandable,
      expanded,
      preview: previewOf(current, kind, counts),
      kind,
    };
    rows.push(row);
    if (!expanded) continue;
    // Pushed in reverse so the first child comes out first.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [childKey, child] = children[index]!;
      stack.push({ value: child, key: childKey, parent: row });
    }
  }
  return rows;
}
