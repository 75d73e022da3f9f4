import {
  decodeInstanceCursor,
  encodeInstanceCursor,
  type InstanceSummaryPage,
  isAfterCursor,
  type ListInstanceSummariesOptions,
  type StoredInstanceSummary,
} from '@flowloom/core';
import type { WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies } from './apiEnv';
import { listForUser } from './listForUser';

/** The filters of a run list, without paging or access. */
export type InstanceListFilters = Omit<
  ListInstanceSummariesOptions,
  'limit' | 'offset' | 'cursor' | 'access' | 'created_by'
>;

/**
 * One page of the run summaries a user may reach, by offset or cursor.
 *
 * @remarks Under the default access rule the store filters, pages and counts in its query. A
 * host's `canAccess` can't be a query: then the filtered list is read from the store in batches
 * (see `listForUser`), every run the user may reach counted, and the page filled from those
 * after the cursor; the cursor is the stores' own, so both paths page alike.
 */
export async function listInstanceSummariesForUser(
  deps: ApiDependencies,
  user: WorkflowUser,
  filters: InstanceListFilters,
  page: { limit: number; offset: number; cursor?: string },
): Promise<InstanceSummaryPage> {
  const access = deps.access.listAccess(user);
  if (access) return deps.store.listInstanceSummaries({ ...filters, ...page, access });
  const cursor = page.cursor === undefined ? undefined : decodeInstanceCursor(page.cursor);
  const { items, total, more } = await listForUser<StoredInstanceSummary>(
    deps,
    user,
    {
      type: 'instance',
      idOf: (summary) => summary.instance_id,
      read: async (batch) => {
        const list = await deps.store.listInstanceSummaries({ ...filters, ...batch });
        return { items: list.instances, total: list.total };
      },
      isPaged: cursor ? (summary) => isAfterCursor(summary, cursor) : undefined,
    },
    { limit: page.limit, offset: cursor ? 0 : page.offset },
  );
  const last = items.at(-1);
  return { instances: items, total, next_cursor: more && last ? encodeInstanceCursor(last) : null };
}
