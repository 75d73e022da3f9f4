import { describe, expect, it } from 'vitest';
import { openDefaultStore } from './openDefaultStore';
import { SqliteStore } from './SqliteStore';

describe('openDefaultStore', () => {
  it('opens SQLite in memory when better-sqlite3 is installed', async () => {
    const store = openDefaultStore();
    expect(store).toBeInstanceOf(SqliteStore);
    expect((await store.listWorkflows()).total).toBe(0);
    await store.close?.();
  });
});
