import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { StopOptions } from './engineOptions';
import type { RunLeases } from './RunLeases';
import type { RunRegistry } from './RunRegistry';
import { checkUnownedRun, type JournalStopHost, stopFromJournal } from './stopFromJournal';

/** What stopping a run that is not live in this engine needs of it. */
export interface UnownedStopHost {
  readonly runs: RunRegistry;
  readonly leases: RunLeases;
  readonly journal: JournalStopHost;
  /** Stops the instance again, from the start: something claimed it meanwhile. */
  stopAgain(instanceId: string, reason: string): Promise<ExecutionStatus>;
  afterRun(instance: WorkflowInstance, status: ExecutionStatus): void;
}

/**
 * Cancels from its journal a run no process holds (`interrupted`, `waiting`, or with
 * `cancelOrphaned` one whose process died), under this engine's claim and the store's lease so
 * that no resume here or elsewhere runs it meanwhile.
 *
 * @throws FlowloomError `NOT_FOUND`, or `CONFLICT` when it has no run to stop or another live
 * process executes it.
 */
export async function stopUnownedRun(
  host: UnownedStopHost,
  instanceId: string,
  reason: string,
  options: StopOptions,
): Promise<ExecutionStatus> {
  const { runs, leases, journal } = host;
  const instance = checkUnownedRun(
    instanceId,
    await journal.store.getInstance(instanceId),
    options,
  );
  // Something may have claimed it meanwhile (a resume): stop that instead.
  if (runs.has(instanceId)) return host.stopAgain(instanceId, reason);
  runs.hold(instanceId);
  let leased = false;
  try {
    // A run whose record says running may be executing on another live process.
    await leases.acquire(instanceId);
    leased = true;
    const status = await stopFromJournal(journal, instance, reason);
    host.afterRun(instance, status);
    return status;
  } finally {
    if (leased) leases.release(instanceId);
    runs.release(instanceId);
  }
}
