import {
  type AuditEntry,
  type AuditPage,
  createAuditId,
  encodeAuditCursor,
  type ListAuditOptions,
  type StoredAuditEntry,
} from '@flowloom/core';
import type Database from 'better-sqlite3';
import { AUDIT_COLUMNS, AUDIT_FIELDS, auditFieldsOf, auditQuery } from './auditQueries';

/** The audit-log methods of a `SqliteStore`, apart so the store stays readable. */
export class SqliteAuditLog {
  private readonly insert: Database.Statement<unknown[]>;
  private readonly prune: Database.Statement<[string, number]>;
  /** List statements, prepared on first use and kept: each filter combination is its own. */
  private readonly lists = new Map<string, Database.Statement<unknown[], StoredAuditEntry>>();

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${AUDIT_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    );
    // Off the `(at, audit_id)` index: the oldest entries first, a batch at a time.
    this.prune = db.prepare(
      `DELETE FROM audit_log WHERE audit_id IN (
         SELECT audit_id FROM audit_log WHERE at < ? ORDER BY at, audit_id LIMIT ?)`,
    );
  }

  /** Deletes up to `limit` entries older than `before`, oldest first; returns how many. */
  pruneBefore(before: string, limit: number): number {
    return this.prune.run(before, limit).changes;
  }

  append(entry: AuditEntry): StoredAuditEntry {
    const stored: StoredAuditEntry = { audit_id: createAuditId(), ...auditFieldsOf(entry) };
    this.insert.run(stored.audit_id, ...AUDIT_FIELDS.map((field) => stored[field]));
    return stored;
  }

  list(options: ListAuditOptions = {}): AuditPage {
    const query = auditQuery('audit_log', options, () => '?');
    let statement = this.lists.get(query.text);
    if (!statement) {
      statement = this.db.prepare<unknown[], StoredAuditEntry>(query.text);
      this.lists.set(query.text, statement);
    }
    const rows = statement.all(...query.values);
    const items = rows.slice(0, query.limit).map((row) => ({ ...row }));
    const last = items.at(-1);
    return {
      items,
      next_cursor: rows.length > query.limit && last ? encodeAuditCursor(last) : null,
    };
  }
}
