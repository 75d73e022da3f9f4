import { ErrorCode } from '../errors/errorCodes';
import type { StepState } from '../schema/executionStatus';
import type { ErrorInfo } from '../schema/status';
import type { EventJournal } from './EventJournal';
import { type RunState, stepEntries } from './runState';

/**
 * How a run ends here: final, `interrupted` (its process shuts down; a later one resumes it) or
 * `waiting` (only waiting steps are left; it continues when one wakes).
 */
export type EndStatus = 'completed' | 'failed' | 'cancelled' | 'interrupted' | 'waiting';

/**
 * Journals the end of a run: steps still running (or waiting) when it fails or is cancelled
 * are failed first, so none stays "running" for ever; then the lifecycle event.
 */
export function journalRunEnd(
  journal: EventJournal,
  state: RunState,
  totalSteps: number,
  status: EndStatus,
  error: ErrorInfo | undefined,
  duration_ms: number,
): void {
  if (status === 'failed' || status === 'cancelled') failUnfinishedSteps(journal, state, status);
  switch (status) {
    case 'completed':
      journal.append('execution_completed', {
        duration_ms,
        progress: { completed: state.finishedSteps, total: totalSteps },
      });
      return;
    case 'failed':
      journal.append('execution_failed', { duration_ms, error: error! });
      return;
    case 'interrupted':
      journal.append('execution_interrupted', {
        duration_ms,
        reason: error?.message ?? 'The server shut down',
      });
      return;
    case 'waiting': {
      const waiting = waitingSteps(state);
      const wakeAt = waiting
        .map(([, wait]) => wait?.wake_at)
        .filter((at): at is string => at !== undefined)
        .sort()[0];
      journal.append('execution_waiting', {
        duration_ms,
        ...(wakeAt === undefined ? {} : { wake_at: wakeAt }),
        step_ids: waiting.map(([id]) => id),
      });
      return;
    }
    case 'cancelled':
      journal.append('execution_cancelled', { duration_ms, reason: error?.message ?? 'Stopped' });
  }
}

/** The steps waiting, with what each waits for. */
function waitingSteps(state: RunState): Array<[string, StepState['wait']]> {
  return [...stepEntries(state)]
    .filter(([, step]) => step.status === 'waiting')
    .map(([id, step]) => [id, step.wait]);
}

function failUnfinishedSteps(
  journal: EventJournal,
  state: RunState,
  status: 'failed' | 'cancelled',
): void {
  const message =
    status === 'cancelled'
      ? 'The run was stopped while this step was running'
      : 'The run failed while this step was running';
  for (const [id, step] of stepEntries(state)) {
    if (step.status !== 'running' && step.status !== 'waiting') continue;
    journal.append(
      'step_failed',
      {
        error: { code: ErrorCode.CANCELLED, message },
        attempts: Math.max(step.attempts, 1),
        duration_ms: 0,
        output_handles: [],
      },
      id,
    );
  }
}
