import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

/** A child the step started before is gone from the store: it is never started a second time. */
export function missingChild(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.SUB_WORKFLOW_FAILED,
    `Sub-workflow run "${instanceId}" is missing: it was deleted after its step started it, and is not started again`,
  );
}

/** A child this engine ran was interrupted by the engine's shutdown: its parent step is too. */
export function childInterrupted(instanceId: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.SHUTTING_DOWN,
    `Sub-workflow run "${instanceId}" was interrupted by a shutdown; its step runs again on resume`,
  );
}

/** One more run would pass `limits.maxRunsPerTree`. */
export function tooManyRunsInTree(rootId: string, limit: number): FlowloomError {
  return new FlowloomError(
    ErrorCode.TOO_MANY_RUNS_IN_TREE,
    `The runs under run "${rootId}" reached limits.maxRunsPerTree (${limit}); no more sub-workflow runs start in it`,
  );
}

/** A nested run would pass `limits.maxWorkflowDepth`. */
export function tooDeep(limit: number): FlowloomError {
  return new FlowloomError(
    ErrorCode.MAX_DEPTH_EXCEEDED,
    `Sub-workflows nest deeper than ${limit} levels`,
  );
}
