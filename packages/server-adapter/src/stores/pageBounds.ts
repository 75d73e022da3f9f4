/** The page size of list calls when none is given, as in the core's MemoryStore. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Whole, non-negative `LIMIT` and `OFFSET` values from list options, clamped the way the
 * MemoryStore slices, so that no store can be handed a value its SQL would reject.
 */
export function pageBounds(options: { limit?: number; offset?: number }): {
  limit: number;
  offset: number;
} {
  return {
    limit: wholeAtLeastZero(options.limit, DEFAULT_PAGE_SIZE),
    offset: wholeAtLeastZero(options.offset, 0),
  };
}

function wholeAtLeastZero(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.min(Math.max(0, Math.floor(value)), Number.MAX_SAFE_INTEGER);
}
