import type { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';

/** Why one attempt of a step failed. */
export type StepFailure = { code: string; message: string };

/** A thrown value as a step failure; `fallback` is the code of what is not a FlowloomError. */
export function asFailure(thrown: unknown, fallback: ErrorCode): StepFailure {
  const error = toFlowloomError(thrown, fallback);
  return { code: error.code, message: error.message };
}
