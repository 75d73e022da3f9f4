import type { AuditEntry, AuditPage, StoredAuditEntry } from '../schema/auditEntry';
import {
  type AuditCursor,
  decodeAuditCursor,
  encodeAuditCursor,
  isAfterAuditCursor,
} from './auditCursor';
import { createAuditId } from './createAuditId';
import type { ListAuditOptions } from './listAuditOptions';
import { matchesListAccess } from './matchesListAccess';
import { DEFAULT_PAGE_SIZE } from './pageOf';

/**
 * The audit log of a `MemoryStore`, kept in list order (newest first) as it is appended, so a
 * page is a filtered walk from the cursor rather than a sort of the whole log.
 */
export class MemoryAuditLog {
  /** Oldest first: appends are pushes; entries made in one millisecond sort by id. */
  private readonly entries: StoredAuditEntry[] = [];

  append(entry: AuditEntry): StoredAuditEntry {
    const stored: StoredAuditEntry = Object.freeze({
      audit_id: createAuditId(),
      at: entry.at,
      actor_id: entry.actor_id,
      tenant_id: entry.tenant_id,
      action: entry.action,
      resource_type: entry.resource_type,
      resource_id: entry.resource_id,
      ip: entry.ip,
    });
    // Usually the newest: found at the end; an entry with an earlier `at` goes to its place.
    let at = this.entries.length;
    while (at > 0 && isAfterAuditCursor(stored, this.entries[at - 1]!)) at -= 1;
    this.entries.splice(at, 0, stored);
    return stored;
  }

  /** Deletes up to `limit` entries older than `before`, oldest first; returns how many. */
  prune(before: string, limit: number): number {
    let count = 0;
    while (count < limit && count < this.entries.length && this.entries[count]!.at < before) {
      count += 1;
    }
    this.entries.splice(0, count);
    return count;
  }

  list(options: ListAuditOptions = {}): AuditPage {
    const cursor: AuditCursor | undefined =
      options.cursor === undefined ? undefined : decodeAuditCursor(options.cursor);
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE));
    const items: StoredAuditEntry[] = [];
    let more = false;
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      const entry = this.entries[index]!;
      if (cursor && !isAfterAuditCursor(entry, cursor)) continue;
      if (!matches(entry, options)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(entry);
    }
    const last = items.at(-1);
    return { items, next_cursor: more && last ? encodeAuditCursor(last) : null };
  }
}

function matches(entry: StoredAuditEntry, options: ListAuditOptions): boolean {
  if (options.resource_id !== undefined && entry.resource_id !== options.resource_id) return false;
  if (options.actor_id !== undefined && entry.actor_id !== options.actor_id) return false;
  if (options.after !== undefined && !(entry.at > options.after)) return false;
  if (options.before !== undefined && !(entry.at < options.before)) return false;
  return matchesListAccess(
    { created_by: entry.actor_id, tenant_id: entry.tenant_id },
    options.access,
  );
}
