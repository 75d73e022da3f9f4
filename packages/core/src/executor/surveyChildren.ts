import type { WorkflowStore } from '../store/WorkflowStore';
import type { ChildStanding } from './stepControl';

/** Summaries read per listing: a for_each of 10,000 items is surveyed in 20 reads. */
const PAGE_SIZE = 500;

/**
 * Where a step's children stand, by index: one paged listing of the parent's children (their
 * summaries, never their documents or journals), matched to the ids the step gives its
 * children. A step that wakes once per child that ends reads pages, not one record per child,
 * each time.
 */
export async function surveyChildren(
  store: WorkflowStore,
  parentId: string,
  idOf: (index: number) => string,
  count: number,
): Promise<Map<number, ChildStanding>> {
  const standings = new Map<number, ChildStanding>();
  if (count === 0) return standings;
  const indexById = new Map<string, number>();
  for (let index = 0; index < count; index += 1) indexById.set(idOf(index), index);
  let cursor: string | undefined;
  do {
    const page = await store.listInstanceSummaries({
      parent_instance_id: parentId,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const child of page.instances) {
      const index = indexById.get(child.instance_id);
      if (index !== undefined) standings.set(index, { status: child.status, error: child.error });
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return standings;
}
