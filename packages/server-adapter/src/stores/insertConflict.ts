import { ErrorCode, FlowloomError } from '@flowloom/core';
import { constraintViolation } from './constraintViolation';

/**
 * What a SQL store throws when an insert failed: `CONFLICT` ("<what> already exists") for a
 * key already stored (the database's unique key refused it), any other error as it is.
 *
 * @param what - the record, as the message names it: `Instance "inst_1"`.
 */
export function insertConflict(error: unknown, what: string): unknown {
  if (constraintViolation(error) !== 'unique') return error;
  return new FlowloomError(ErrorCode.CONFLICT, `${what} already exists`, { cause: error });
}
