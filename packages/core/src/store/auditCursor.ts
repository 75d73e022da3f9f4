import { decodeInstanceCursor, encodeInstanceCursor } from './instanceCursor';

/** Where a page of the audit log ends: its last entry's sort key. */
export interface AuditCursor {
  at: string;
  audit_id: string;
}

/**
 * The opaque cursor after an audit entry, in the order the log is listed (newest `at` first,
 * then `audit_id` descending); the same text in every store. It is encoded as the instance
 * list's cursor is, a pair of strings.
 */
export function encodeAuditCursor(position: AuditCursor): string {
  return encodeInstanceCursor({ created_at: position.at, instance_id: position.audit_id });
}

/**
 * The position a cursor made by {@link encodeAuditCursor} stands for.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for anything else.
 */
export function decodeAuditCursor(cursor: string): AuditCursor {
  const { created_at, instance_id } = decodeInstanceCursor(cursor);
  return { at: created_at, audit_id: instance_id };
}

/** Whether an entry comes after a cursor in list order (newest first). */
export function isAfterAuditCursor(entry: AuditCursor, cursor: AuditCursor): boolean {
  if (entry.at !== cursor.at) return entry.at < cursor.at;
  return entry.audit_id < cursor.audit_id;
}
