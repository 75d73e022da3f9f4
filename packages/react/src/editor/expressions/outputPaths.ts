/** Most keys offered for one object: enough to pick from, not a whole payload. */
const MAX_KEYS = 200;

/** A name for a value's type, as completion details show it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The value at a dotted path inside a sample value (an array's items by index). */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The keys one can read next from a sample value: an object's keys, an array's first index. */
export function keysOf(value: unknown): Array<{ key: string; detail: string }> {
  if (Array.isArray(value))
    return value.length > 0 ? [{ key: '0', detail: typeName(value[0]) }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value)
    .slice(0, MAX_KEYS)
    .map(([key, item]) => ({ key, detail: typeName(item) }));
}

type SchemaNode = { type?: unknown; properties?: unknown; items?: unknown; description?: unknown };

/**
 * The keys a JSON-Schema-like `output_schema` declares at a path: `properties` of objects,
 * `items` of arrays (by any index). Anything else is read as declaring nothing.
 */
export function schemaKeysAt(
  schema: unknown,
  path: readonly string[],
): Array<{ key: string; detail: string }> {
  let node = asSchema(schema);
  for (const key of path) {
    if (!node) return [];
    if (node.items !== undefined && /^\d+$/.test(key)) node = asSchema(node.items);
    else node = asSchema(asRecord(node.properties)?.[key]);
  }
  if (!node) return [];
  if (node.items !== undefined) {
    const item = asSchema(node.items);
    return [{ key: '0', detail: typeof item?.type === 'string' ? item.type : 'item' }];
  }
  return Object.entries(asRecord(node.properties) ?? {})
    .slice(0, MAX_KEYS)
    .map(([key, property]) => {
      const described = asSchema(property);
      return { key, detail: typeof described?.type === 'string' ? described.type : '' };
    });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asSchema(value: unknown): SchemaNode | undefined {
  return asRecord(value) as SchemaNode | undefined;
}
