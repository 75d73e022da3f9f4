import {
  type CreateCredentialRecord,
  type CredentialPatch,
  type CredentialSummary,
  createId,
  ErrorCode,
  FlowloomError,
  type ListCredentialsOptions,
  type StoredCredential,
} from '@flowloom/core';
import type { Pool } from 'pg';
import { insertConflict } from './insertConflict';
import { pageBounds } from './pageBounds';
import type { PostgresQueries } from './postgresQueries';
import { credentialFromPostgres, credentialSummaryFromPostgres } from './postgresRows';
import { toPostgresText as text } from './postgresText';
import { readPostgresList } from './readPostgresList';
import type { CredentialRow, CredentialSummaryRow } from './recordsFromRows';

/**
 * The credential methods of a {@link PostgresStore}, apart so the store stays readable. Each
 * waits for the store's migration first.
 */
export class PostgresCredentials {
  constructor(
    private readonly pool: Pool,
    private readonly sql: PostgresQueries,
    private readonly migrate: () => Promise<void>,
  ) {}

  async create(record: CreateCredentialRecord): Promise<StoredCredential> {
    await this.migrate();
    const credentialId = record.credential_id ?? createId('cred');
    try {
      const { rows } = await this.pool.query<CredentialRow>(this.sql.insertCredential, [
        text(credentialId),
        text(record.name),
        text(record.type),
        text(record.ciphertext),
        text(record.created_by ?? null),
        text(record.tenant_id ?? null),
        new Date().toISOString(),
      ]);
      return credentialFromPostgres(rows[0]!);
    } catch (error) {
      throw insertConflict(error, `Credential "${credentialId}"`);
    }
  }

  async get(credentialId: string): Promise<StoredCredential | null> {
    await this.migrate();
    const { rows } = await this.pool.query<CredentialRow>(this.sql.selectCredential, [
      text(credentialId),
    ]);
    return rows[0] ? credentialFromPostgres(rows[0]) : null;
  }

  async list(
    options: ListCredentialsOptions,
  ): Promise<{ credentials: CredentialSummary[]; total: number }> {
    await this.migrate();
    const { rows, total } = await readPostgresList<CredentialSummaryRow>(
      this.pool,
      this.sql.listCredentials(options, pageBounds(options)),
    );
    return { credentials: rows.map(credentialSummaryFromPostgres), total };
  }

  async update(credentialId: string, patch: CredentialPatch): Promise<StoredCredential> {
    await this.migrate();
    const { rows } = await this.pool.query<CredentialRow>(this.sql.updateCredential, [
      text(credentialId),
      text(patch.name ?? null),
      text(patch.ciphertext ?? null),
      new Date().toISOString(),
    ]);
    if (!rows[0]) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Credential "${credentialId}" does not exist`);
    }
    return credentialFromPostgres(rows[0]);
  }

  async delete(credentialId: string): Promise<boolean> {
    await this.migrate();
    const result = await this.pool.query(this.sql.deleteCredential, [text(credentialId)]);
    return (result.rowCount ?? 0) > 0;
  }
}
