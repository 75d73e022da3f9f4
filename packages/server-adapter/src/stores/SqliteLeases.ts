import { ErrorCode, FlowloomError, type RunLease } from '@flowloom/core';
import type Database from 'better-sqlite3';

/** Bound on one claim: the sweep asks again for the rest. */
const MAX_CLAIM = 1_000;

/**
 * The run-lease methods of a `SqliteStore`: a lease is two columns of the instance row (owner,
 * ISO expiry). Each call is one `BEGIN IMMEDIATE` transaction: it takes SQLite's write lock
 * first, so processes sharing the file check and take a lease one after the other, never both.
 */
export class SqliteLeases {
  private readonly acquireLease;
  private readonly claimOrphans;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      acquire: db.prepare<[string, string, string, string, string], { lease_expires_at: string }>(
        `UPDATE workflow_instances SET lease_owner = ?, lease_expires_at = ?
          WHERE instance_id = ?
            AND (lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at <= ?)
          RETURNING lease_expires_at`,
      ),
      exists: db.prepare<[string], { found: number }>(
        'SELECT 1 AS found FROM workflow_instances WHERE instance_id = ?',
      ),
      renew: db.prepare<[string, string, string], { instance_id: string }>(
        `UPDATE workflow_instances SET lease_expires_at = ?
          WHERE lease_owner = ? AND instance_id IN (SELECT value FROM json_each(?))
          RETURNING instance_id`,
      ),
      release: db.prepare<[string, string]>(
        `UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL
          WHERE instance_id = ? AND lease_owner = ?`,
      ),
      orphans: db.prepare<[string, number], { instance_id: string }>(
        `SELECT instance_id FROM workflow_instances
          WHERE status IN ('running', 'interrupted', 'queued')
            AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
          ORDER BY created_at, instance_id LIMIT ?`,
      ),
      lease: db.prepare<[string, string, string]>(
        'UPDATE workflow_instances SET lease_owner = ?, lease_expires_at = ? WHERE instance_id = ?',
      ),
    };
    const { acquire, exists, orphans, lease } = this.statements;
    this.acquireLease = db.transaction(
      (instanceId: string, ownerId: string, now: string, expires: string): RunLease | null => {
        const row = acquire.get(ownerId, expires, instanceId, ownerId, now);
        if (row) return { instance_id: instanceId, owner_id: ownerId, expires_at: expires };
        if (!exists.get(instanceId)) {
          throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
        }
        return null;
      },
    );
    this.claimOrphans = db.transaction(
      (ownerId: string, now: string, expires: string, limit: number): string[] => {
        const ids = orphans.all(now, limit).map((row) => row.instance_id);
        for (const id of ids) lease.run(ownerId, expires, id);
        return ids;
      },
    );
  }

  acquire(instanceId: string, ownerId: string, ttlMs: number): RunLease | null {
    const now = Date.now();
    return this.acquireLease.immediate(instanceId, ownerId, iso(now), iso(now + ttlMs));
  }

  renew(ownerId: string, instanceIds: readonly string[], ttlMs: number): string[] {
    if (instanceIds.length === 0) return [];
    const rows = this.statements.renew.all(
      iso(Date.now() + ttlMs),
      ownerId,
      JSON.stringify([...new Set(instanceIds)]),
    );
    return rows.map((row) => row.instance_id);
  }

  release(instanceId: string, ownerId: string): void {
    this.statements.release.run(instanceId, ownerId);
  }

  claimOrphaned(ownerId: string, ttlMs: number, limit: number): string[] {
    const bounded = Math.max(0, Math.min(MAX_CLAIM, Math.floor(limit)));
    if (bounded === 0) return [];
    const now = Date.now();
    return this.claimOrphans.immediate(ownerId, iso(now), iso(now + ttlMs), bounded);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
