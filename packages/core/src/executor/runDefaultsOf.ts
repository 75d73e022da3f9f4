import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { WorkflowLimits } from '../limits/workflowLimits';
import { createGuardedFetch } from '../network/createGuardedFetch';
import { NetworkOptionsSchema } from '../network/stepFetch';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { ExecutionEngineOptions } from './engineOptions';
import type { RunDefaults } from './workflowRunOptions';

/**
 * An engine's options as its runs take them, defaults applied.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for a `concurrency` that is not a whole number of at
 * least 1, or a negative `yieldAfterMs`.
 */
export function runDefaultsOf(
  options: ExecutionEngineOptions,
  store: WorkflowStore,
  limits: WorkflowLimits,
  publish: (event: ExecutionEvent) => void,
): RunDefaults {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      'concurrency must be a whole number of at least 1',
    );
  }
  const yieldAfterMs = options.yieldAfterMs ?? 20;
  if (!(yieldAfterMs >= 0)) {
    throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'yieldAfterMs must be 0 or more');
  }
  const network = NetworkOptionsSchema.parse(options.network ?? {});
  return {
    store,
    concurrency,
    publish,
    limits,
    fetch: options.fetch ?? createGuardedFetch({ network }),
    sandbox: options.sandbox,
    credentials: options.credentials,
    yieldAfterMs,
  };
}
