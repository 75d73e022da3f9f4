import { ErrorCode, type ExecutionEvent, FlowloomError } from '@flowloom/core';
import { constraintViolation } from './constraintViolation';

/** The `CONFLICT` for an event whose seq is not after the instance's last stored one. */
export function seqConflict(event: ExecutionEvent): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Event ${event.seq} of instance "${event.instance_id}" is already stored`,
  );
}

/**
 * A refused event or log write as the error a store throws: `CONFLICT` for a seq already
 * stored, `NOT_FOUND` for an instance that does not exist, anything else unchanged.
 */
export function journalError(error: unknown, records: readonly { instance_id: string }[]): unknown {
  switch (constraintViolation(error)) {
    case 'unique':
      return new FlowloomError(ErrorCode.CONFLICT, 'An event of this batch is already stored', {
        cause: error,
      });
    case 'foreign_key': {
      const ids = [...new Set(records.map((record) => `"${record.instance_id}"`))].join(', ');
      return new FlowloomError(
        ErrorCode.NOT_FOUND,
        `Cannot store events or logs of an instance that does not exist (one of ${ids})`,
        { cause: error },
      );
    }
    default:
      return error;
  }
}
