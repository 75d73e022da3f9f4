import type { ListAccess } from '@flowloom/core';
import type { AccessResource, WorkflowUser } from '../auth/authTypes';
import type { ApiDependencies } from './apiEnv';

/** How many records a list under a custom `canAccess` reads from the store at a time. */
const BATCH_SIZE = 200;

/** One kind of listed record, as {@link listForUser} reads it. */
export interface UserList<T extends { created_by: string | null; tenant_id: string | null }> {
  type: AccessResource['type'];
  /** The record's id. */
  idOf(record: T): string;
  /** A page of the store's list with the route's filters, and `access` when given. */
  read(
    page: { limit: number; offset: number },
    access: ListAccess | undefined,
  ): Promise<{ items: T[]; total: number }>;
  /**
   * Whether a record may fill the page (e.g. it comes after a cursor); the others still count
   * in the total. All may when absent.
   */
  isPaged?(record: T): boolean;
}

/**
 * One page of the records a user may reach, with their total and whether more follow the page.
 *
 * @remarks Under the default rule the store filters in its query (`ListOptions.access`). A
 * host's `canAccess` can't be turned into a query, so then the whole list is read from the
 * store, {@link BATCH_SIZE} records at a time, and `canAccess` asked about each record: the
 * cost grows with the store, not with the page. A record seen twice (the list moved while it
 * was read) counts once.
 */
export async function listForUser<
  T extends { created_by: string | null; tenant_id: string | null },
>(
  deps: ApiDependencies,
  user: WorkflowUser,
  list: UserList<T>,
  page: { limit: number; offset: number },
): Promise<{ items: T[]; total: number; more: boolean }> {
  const access = deps.access.listAccess(user);
  if (access) {
    const read = await list.read(page, access);
    return { ...read, more: page.offset + read.items.length < read.total };
  }
  const items: T[] = [];
  const seen = new Set<string>();
  let total = 0;
  /** Records that may fill the page, seen so far. */
  let pageable = 0;
  for (let offset = 0; ; offset += BATCH_SIZE) {
    const batch = await list.read({ limit: BATCH_SIZE, offset }, undefined);
    for (const record of batch.items) {
      const id = list.idOf(record);
      if (seen.has(id)) continue;
      seen.add(id);
      const { created_by, tenant_id } = record;
      if (!(await deps.access.canAccess(user, { type: list.type, id, created_by, tenant_id }))) {
        continue;
      }
      total += 1;
      if (list.isPaged && !list.isPaged(record)) continue;
      if (pageable >= page.offset && items.length < page.limit) items.push(record);
      pageable += 1;
    }
    if (batch.items.length < BATCH_SIZE) {
      return { items, total, more: pageable > page.offset + items.length };
    }
  }
}
