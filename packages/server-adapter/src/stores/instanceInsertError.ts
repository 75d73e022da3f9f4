import { ErrorCode, FlowloomError } from '@flowloom/core';
import { constraintViolation } from './constraintViolation';

/**
 * What a SQL store throws when inserting an instance failed: `CONFLICT` for an id already
 * stored (the database's unique key refused it), any other error as it is.
 */
export function instanceInsertError(error: unknown, instanceId: string): unknown {
  if (constraintViolation(error) !== 'unique') return error;
  return new FlowloomError(ErrorCode.CONFLICT, `Instance "${instanceId}" already exists`, {
    cause: error,
  });
}
