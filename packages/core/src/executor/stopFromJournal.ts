import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { StopOptions } from './engineOptions';
import { planOfStepIds } from './planOfStepIds';
import { readRunJournal } from './readRunJournal';
import type { WorkflowRun } from './WorkflowRun';

/** What stopping a run no process holds needs of the engine. */
export interface JournalStopHost {
  readonly store: WorkflowStore;
  createRun(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    input: Record<string, unknown>,
    variables: Record<string, unknown>,
    lastSeq: number,
  ): WorkflowRun;
}

/**
 * Whether an instance's run is held by no process, so it may be cancelled from its journal:
 * `interrupted`, `waiting`, or (with `cancelOrphaned`) `running` or `queued` in a process that
 * died.
 *
 * @throws FlowloomError `NOT_FOUND`, or `CONFLICT` when it has no run to stop.
 */
export function checkUnownedRun(
  instanceId: string,
  instance: WorkflowInstance | null,
  options: StopOptions,
): WorkflowInstance {
  if (!instance) {
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
  }
  const unowned =
    instance.status === 'interrupted' ||
    instance.status === 'waiting' ||
    ((instance.status === 'running' || instance.status === 'queued') &&
      options.cancelOrphaned === true);
  if (!unowned) {
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" is not running (status: ${instance.status})`,
    );
  }
  return instance;
}

/**
 * Cancels a run no process holds: replays its journal and ends it `cancelled` (its in-flight
 * steps failed), or only settles the record when the journal already ended. The plan knows the
 * step ids only, so it works even when the workflow could no longer be planned.
 */
export async function stopFromJournal(
  host: JournalStopHost,
  instance: WorkflowInstance,
  reason: string,
): Promise<ExecutionStatus> {
  const journal = await readRunJournal(host.store, instance.instance_id);
  const run = host.createRun(
    instance,
    planOfStepIds(instance.workflow_data.nodes.map((node) => node.id)),
    journal.started?.input_data ?? {},
    journal.started?.variables ?? {},
    journal.lastSeq,
  );
  return journal.ended ? run.settleFrom(journal.events) : run.cancelFrom(journal.events, reason);
}
