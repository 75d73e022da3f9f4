import type { ClientError } from '../client/clientTypes';

/** A `ClientError` for something a client threw instead of resolving to a failure. */
export function unexpectedError(thrown: unknown): ClientError {
  return {
    code: 'INTERNAL_ERROR',
    message: thrown instanceof Error ? thrown.message : String(thrown),
    status: 0,
  };
}
