import {
  type AuditEntry,
  type AuditPage,
  createAuditId,
  encodeAuditCursor,
  type ListAuditOptions,
  type StoredAuditEntry,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { AUDIT_COLUMNS, AUDIT_FIELDS, auditFieldsOf, auditQuery } from './auditQueries';
import { fromPostgresText, toPostgresText } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

/**
 * The audit-log methods of a `PostgresStore`, apart so the store stays readable. Each waits
 * for the store's migration first.
 */
export class PostgresAuditLog {
  private readonly table: string;
  private readonly insert: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly migrate: () => Promise<void>,
  ) {
    this.table = `${quoteIdentifier(schema)}.audit_log`;
    const placeholders = AUDIT_COLUMNS.split(',').map((_, index) => `$${index + 1}`);
    this.insert = `INSERT INTO ${this.table} (${AUDIT_COLUMNS}) VALUES (${placeholders.join(', ')})`;
  }

  async append(entry: AuditEntry): Promise<StoredAuditEntry> {
    await this.migrate();
    const audit_id = createAuditId();
    const stored: StoredAuditEntry = { audit_id, ...auditFieldsOf(entry) };
    await this.pool.query(this.insert, [
      audit_id,
      ...AUDIT_FIELDS.map((field) => toPostgresText(stored[field])),
    ]);
    return stored;
  }

  /** Deletes up to `limit` entries older than `before`, oldest first; returns how many. */
  async pruneBefore(before: string, limit: number): Promise<number> {
    await this.migrate();
    // Off the `(at, audit_id)` index: the oldest entries first, a batch at a time.
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.table} WHERE audit_id IN (
         SELECT audit_id FROM ${this.table} WHERE at < $1 ORDER BY at, audit_id LIMIT $2)`,
      [toPostgresText(before), limit],
    );
    return rowCount ?? 0;
  }

  async list(options: ListAuditOptions = {}): Promise<AuditPage> {
    await this.migrate();
    let count = 0;
    const query = auditQuery(this.table, options, () => {
      count += 1;
      return `$${count}`;
    });
    const values = query.values.map((value) =>
      typeof value === 'string' ? toPostgresText(value) : value,
    );
    const { rows } = await this.pool.query<StoredAuditEntry>(query.text, values);
    const items = rows.slice(0, query.limit).map(entryFromRow);
    const last = items.at(-1);
    return {
      items,
      next_cursor: rows.length > query.limit && last ? encodeAuditCursor(last) : null,
    };
  }
}

function entryFromRow(row: StoredAuditEntry): StoredAuditEntry {
  return {
    audit_id: row.audit_id,
    at: row.at,
    actor_id: fromPostgresText(row.actor_id),
    tenant_id: fromPostgresText(row.tenant_id),
    action: fromPostgresText(row.action),
    resource_type: fromPostgresText(row.resource_type),
    resource_id: fromPostgresText(row.resource_id),
    ip: fromPostgresText(row.ip),
  };
}
