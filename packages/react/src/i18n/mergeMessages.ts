function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Messages with some of them replaced: sections are merged key by key, at any depth, so an
 * override of one message keeps the others of its section (`undefined` keeps the base's).
 *
 * @example
 * mergeMessages(en, { toolbar: { save: 'Store' } }).toolbar.undo // → 'Undo'
 */
export function mergeMessages<T extends object>(base: T, overrides: object | undefined): T {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      isPlainObject(current) && isPlainObject(value) ? mergeMessages(current, value) : value;
  }
  return merged as T;
}
