import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { ErrorInfo } from '../schema/status';

/** The engine accepts no new run: `close()` was called. */
export function shuttingDown(): FlowloomError {
  return new FlowloomError(
    ErrorCode.SHUTTING_DOWN,
    'The server is shutting down and accepts no new run; try again once it is back',
  );
}

/** Why an instance in `status` can't be retried, in a sentence for the caller. */
export function retryRefusal(instanceId: string, status: string): string {
  if (status === 'running') return `Instance "${instanceId}" is running; stop it before retrying`;
  if (status === 'queued') {
    return `Instance "${instanceId}" is queued: it runs once a concurrency slot frees`;
  }
  if (status === 'completed') {
    return `Instance "${instanceId}" completed: there is nothing to retry`;
  }
  if (status === 'interrupted') {
    return `Instance "${instanceId}" was interrupted by a restart: it resumes when the server starts again`;
  }
  return `Instance "${instanceId}" has not run yet: execute it instead`;
}

/** The instance runs (here, or in the process its record names). */
export function alreadyRunning(instanceId: string): FlowloomError {
  return new FlowloomError(ErrorCode.CONFLICT, `Instance "${instanceId}" is already running`);
}

/**
 * Another live process holds the run's lease: it executes the run. A process that died leaves
 * its lease to expire, and then the run is taken over.
 */
export function runningElsewhere(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Instance "${instanceId}" is already running on another process`,
  );
}

/** A queued instance is not started anew: it begins once a concurrency slot frees. */
export function alreadyQueued(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Instance "${instanceId}" is queued: it runs once a concurrency slot frees; stop it to cancel it instead`,
  );
}

/** An interrupted instance is not started anew: it resumes, or is stopped. */
export function interruptedConflict(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Instance "${instanceId}" was interrupted by a restart: it resumes when the server starts again; stop it to cancel it instead`,
  );
}

/** A waiting instance is not started anew: it continues when it wakes or is resumed. */
export function waitingConflict(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Instance "${instanceId}" is waiting: it continues when it wakes or is resumed; stop it to cancel it instead`,
  );
}

/** A run of the instance is being claimed here right now: the caller tries again shortly. */
export function stillStarting(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    `Instance "${instanceId}" is still starting; try again`,
  );
}

/** A bug in a run's own bookkeeping, as the error the run ends `failed` with. */
export function internalError(thrown: unknown): ErrorInfo {
  return { code: ErrorCode.INTERNAL_ERROR, message: toFlowloomError(thrown).message };
}
