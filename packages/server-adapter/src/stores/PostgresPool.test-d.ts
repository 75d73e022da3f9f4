import type { Pool } from 'pg';
import { describe, expectTypeOf, it } from 'vitest';
import type { PostgresPool } from './PostgresPool';
import type { PostgresStoreOptions } from './PostgresStore';

describe('PostgresPool', () => {
  it("accepts pg's Pool", () => {
    expectTypeOf<Pool>().toExtend<PostgresPool>();
    expectTypeOf<{ pool: Pool }>().toExtend<PostgresStoreOptions>();
  });

  it('refuses what is not a pool', () => {
    expectTypeOf<{ pool: { query(): void } }>().not.toExtend<PostgresStoreOptions>();
    expectTypeOf<{ pool: string }>().not.toExtend<PostgresStoreOptions>();
  });
});
