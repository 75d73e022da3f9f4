import { ErrorCode } from '../errors/errorCodes';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { EventJournal } from './EventJournal';
import type { RunLog } from './RunLog';
import { recordRunEnd } from './recordRunEnd';
import type { RunState } from './runState';
import { toExecutionStatus } from './toExecutionStatus';

/**
 * What a run does once it ended (its end event appended, its journal closed): stores the rest
 * of its journal, trims its log table, brings the instance record in line and returns the final
 * state the run's `done` settles with.
 */
export async function finishRun(
  journal: EventJournal,
  runLog: RunLog,
  store: WorkflowStore,
  instanceId: string,
  state: RunState,
  totalSteps: number,
  now?: () => number,
): Promise<ExecutionStatus> {
  try {
    await journal.flush();
  } catch {
    // The journal write failed; the instance record below still tells the outcome.
  }
  runLog.trim();
  await runLog.settled();
  const { status } = state;
  if (journal.failed && (status === 'completed' || status === 'waiting')) {
    // Its last events never reached the store: the run can't count as done (or as waiting for
    // a wake its journal does not hold). Told here, the record and the caller agree with what
    // a later reader rebuilds from the store.
    state.status = 'failed';
    state.error = {
      code: ErrorCode.STORE_ERROR,
      message: 'The run finished, but its last events could not be stored',
    };
  }
  await recordRunEnd(store, instanceId, state, totalSteps, now);
  return toExecutionStatus(state, true);
}
