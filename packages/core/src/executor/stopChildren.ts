import { toFlowloomError } from '../errors/FlowloomError';
import type { InstanceStatus } from '../schema/status';
import type { WorkflowStore } from '../store/WorkflowStore';

/**
 * The statuses of a child run that has not ended. `pending` too: its start may be on its way
 * (its step called `startWorkflow` just before the parent stopped).
 */
const UNFINISHED: readonly InstanceStatus[] = [
  'pending',
  'queued',
  'running',
  'waiting',
  'interrupted',
];

/** The first pause before stopping again a child still being started here; it doubles. */
const FIRST_PAUSE_MS = 10;
/** The pause after which a child still "starting" is left alone (about 5 s in all). */
const LAST_PAUSE_MS = 2_560;

/** What stopping a run's children needs of the engine. */
export interface ChildStopHost {
  readonly store: WorkflowStore;
  stop(instanceId: string, reason: string): Promise<unknown>;
  /** Whether a run of the instance is being claimed in this engine right now. */
  isStarting(instanceId: string): boolean;
  report(message: string): void;
}

/**
 * Stops the sub-workflow runs of a run that failed or was stopped, whether this engine runs
 * them or they wait (their own children follow, as each of them ends). A child whose start was
 * still on its way when its parent stopped is stopped once it runs, so no child runs on without
 * its parent. Never throws: a child another process runs is left to it, and each failure is
 * reported.
 */
export async function stopChildren(host: ChildStopHost, parentId: string): Promise<void> {
  const reason = 'Its parent run ended before it did';
  try {
    let cursor: string | undefined;
    do {
      const page = await host.store.listInstanceSummaries({
        parent_instance_id: parentId,
        statuses: UNFINISHED,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      await Promise.all(page.instances.map((child) => stopOne(host, child.instance_id, reason)));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  } catch (error) {
    host.report(
      `Could not stop the sub-workflows of run ${parentId}: ${toFlowloomError(error).message}`,
    );
  }
}

async function stopOne(host: ChildStopHost, instanceId: string, reason: string): Promise<void> {
  for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs *= 2) {
    try {
      await host.stop(instanceId, reason);
      return;
    } catch {
      // Ended already, never started, or run elsewhere: nothing to stop here. Still starting
      // here (the stop raced its start): stop it once it runs.
      if (!host.isStarting(instanceId) || pauseMs > LAST_PAUSE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
