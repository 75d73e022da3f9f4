import { ErrorCode, FlowloomError, type WorkflowStore } from '@flowloom/core';
import { SqliteStore } from './SqliteStore';

/**
 * The store of a server given none: SQLite in memory. Without better-sqlite3 (an optional
 * peer) the error says both ways out, installing it or passing a store.
 */
export function openDefaultStore(): WorkflowStore {
  try {
    return new SqliteStore(':memory:');
  } catch (error) {
    if (!(error instanceof FlowloomError) || error.code !== ErrorCode.NOT_CONFIGURED) throw error;
    throw new FlowloomError(
      ErrorCode.NOT_CONFIGURED,
      "createWorkflowServer() without a store keeps runs in SQLite in memory, which needs the 'better-sqlite3' package: npm install better-sqlite3, or pass a store (e.g. `store: new PostgresStore({ connectionString })`)",
      { cause: error },
    );
  }
}
