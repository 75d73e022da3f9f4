/** The default page size of list calls. */
export const DEFAULT_PAGE_SIZE = 50;

/** One page of a list and the size of the whole list. */
export function pageOf<T>(
  list: readonly T[],
  options: { limit?: number; offset?: number },
): { items: T[]; total: number } {
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? DEFAULT_PAGE_SIZE);
  return { items: list.slice(offset, offset + limit), total: list.length };
}
