/** Which integrity rule a database refused a write for, if any. */
export type ConstraintViolation = 'unique' | 'foreign_key';

/**
 * The constraint a better-sqlite3 or pg error reports, read from its `code`
 * (`SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL's SQLSTATE `23505`, ...); `undefined` for others.
 */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreign_key';
    default:
      return undefined;
  }
}
