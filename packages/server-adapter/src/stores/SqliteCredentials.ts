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
import type { SqliteLister } from './createSqliteLister';
import { insertConflict } from './insertConflict';
import { pageBounds } from './pageBounds';
import {
  SQLITE_CREDENTIAL_SUMMARY_COLUMNS,
  type SqliteStatements,
} from './prepareSqliteStatements';
import {
  type CredentialSummaryRow,
  credentialFromRow,
  credentialSummaryFromRow,
} from './recordsFromRows';

/** The credential methods of a `SqliteStore`, apart so the store stays readable. */
export class SqliteCredentials {
  constructor(
    private readonly statements: SqliteStatements,
    private readonly lister: SqliteLister,
  ) {}

  create(record: CreateCredentialRecord): StoredCredential {
    const credentialId = record.credential_id ?? createId('cred');
    const now = new Date().toISOString();
    try {
      const row = this.statements.insertCredential.get(
        credentialId,
        record.name,
        record.type,
        record.ciphertext,
        record.created_by ?? null,
        record.tenant_id ?? null,
        now,
        now,
      );
      return credentialFromRow(row!);
    } catch (error) {
      throw insertConflict(error, `Credential "${credentialId}"`);
    }
  }

  get(credentialId: string): StoredCredential | null {
    const row = this.statements.selectCredential.get(credentialId);
    return row ? credentialFromRow(row) : null;
  }

  list(options: ListCredentialsOptions): { credentials: CredentialSummary[]; total: number } {
    const { rows, total } = this.lister<CredentialSummaryRow>(
      {
        table: 'credentials',
        columns: SQLITE_CREDENTIAL_SUMMARY_COLUMNS,
        orderColumn: 'created_at',
      },
      options,
      pageBounds(options),
    );
    return { credentials: rows.map(credentialSummaryFromRow), total };
  }

  update(credentialId: string, patch: CredentialPatch): StoredCredential {
    const row = this.statements.updateCredential.get(
      patch.name ?? null,
      patch.ciphertext ?? null,
      new Date().toISOString(),
      credentialId,
    );
    if (!row) {
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Credential "${credentialId}" does not exist`);
    }
    return credentialFromRow(row);
  }

  delete(credentialId: string): boolean {
    return this.statements.deleteCredential.run(credentialId).changes > 0;
  }
}
