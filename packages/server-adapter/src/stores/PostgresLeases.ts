import { ErrorCode, FlowloomError, type RunLease } from '@flowloom/core';
import type { Pool } from 'pg';
import { fromPostgresText, toPostgresText as text } from './postgresText';
import { quoteIdentifier } from './quoteIdentifier';

/** Bound on one claim: the sweep asks again for the rest. */
const MAX_CLAIM = 1_000;

/** The expiry as ISO text (UTC, milliseconds), as a lease reports it. */
const EXPIRES_AT = `to_char(lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** `ttlMs` ($n) from now, by the database's clock. */
const expiresIn = (param: string) =>
  `clock_timestamp() + ${param}::double precision * interval '1 millisecond'`;
/** Nobody holds the lease, or it expired. */
const FREE = 'lease_expires_at IS NULL OR lease_expires_at <= clock_timestamp()';

/**
 * The run-lease methods of a `PostgresStore`: a lease is two columns of the instance row (owner,
 * expiry). Expiry is read against the database's clock, so servers whose clocks disagree still
 * agree on who holds a run. Each method is one statement, atomic on its own: the row lock of
 * the UPDATE decides between owners asking at once, and claims skip rows another claim is
 * taking (`FOR UPDATE SKIP LOCKED`) rather than waiting for them or taking them twice.
 */
export class PostgresLeases {
  private readonly sql;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly migrate: () => Promise<void>,
  ) {
    const instances = `${quoteIdentifier(schema)}.workflow_instances`;
    this.sql = {
      // One round trip: whether the instance exists, and the lease when it was taken.
      acquire: `WITH target AS (SELECT 1 FROM ${instances} WHERE instance_id = $1),
          leased AS (
            UPDATE ${instances} SET lease_owner = $2, lease_expires_at = ${expiresIn('$3')}
             WHERE instance_id = $1 AND (lease_owner = $2 OR ${FREE})
             RETURNING ${EXPIRES_AT} AS expires_at)
        SELECT EXISTS (SELECT 1 FROM target) AS found, (SELECT expires_at FROM leased)`,
      renew: `UPDATE ${instances} SET lease_expires_at = ${expiresIn('$3')}
         WHERE lease_owner = $1 AND instance_id = ANY($2::text[])
         RETURNING instance_id`,
      release: `UPDATE ${instances} SET lease_owner = NULL, lease_expires_at = NULL
         WHERE instance_id = $1 AND lease_owner = $2`,
      claim: `WITH orphans AS (
            SELECT instance_id FROM ${instances}
             WHERE status IN ('running', 'interrupted', 'queued') AND (${FREE})
             ORDER BY created_at, instance_id COLLATE "C"
             LIMIT $3
             FOR UPDATE SKIP LOCKED)
        UPDATE ${instances} AS leased SET lease_owner = $1, lease_expires_at = ${expiresIn('$2')}
          FROM orphans WHERE leased.instance_id = orphans.instance_id
          RETURNING leased.instance_id`,
    };
  }

  async acquire(instanceId: string, ownerId: string, ttlMs: number): Promise<RunLease | null> {
    await this.migrate();
    const { rows } = await this.pool.query<{ found: boolean; expires_at: string | null }>(
      this.sql.acquire,
      [text(instanceId), text(ownerId), ttlMs],
    );
    const { found, expires_at } = rows[0]!;
    if (!found) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    }
    return expires_at === null ? null : { instance_id: instanceId, owner_id: ownerId, expires_at };
  }

  async renew(ownerId: string, instanceIds: readonly string[], ttlMs: number): Promise<string[]> {
    if (instanceIds.length === 0) return [];
    await this.migrate();
    const { rows } = await this.pool.query<{ instance_id: string }>(this.sql.renew, [
      text(ownerId),
      [...new Set(instanceIds)].map((id) => text(id)),
      ttlMs,
    ]);
    return rows.map((row) => fromPostgresText(row.instance_id));
  }

  async release(instanceId: string, ownerId: string): Promise<void> {
    await this.migrate();
    await this.pool.query(this.sql.release, [text(instanceId), text(ownerId)]);
  }

  async claimOrphaned(ownerId: string, ttlMs: number, limit: number): Promise<string[]> {
    const bounded = Math.max(0, Math.min(MAX_CLAIM, Math.floor(limit)));
    if (bounded === 0) return [];
    await this.migrate();
    const { rows } = await this.pool.query<{ instance_id: string }>(this.sql.claim, [
      text(ownerId),
      ttlMs,
      bounded,
    ]);
    return rows.map((row) => fromPostgresText(row.instance_id));
  }
}
