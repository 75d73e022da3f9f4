import { toFlowloomError } from '../errors/FlowloomError';
import type { InstanceStatus } from '../schema/status';
import type { WorkflowStore } from '../store/WorkflowStore';

/** The statuses of a child run that has not ended. */
const UNFINISHED: readonly InstanceStatus[] = ['running', 'waiting', 'interrupted'];

/**
 * Stops the sub-workflow runs of a run that failed or was stopped, whether this engine runs
 * them or they wait (their own children follow, as each of them ends). Never throws: a child
 * another process runs is left to it, and each failure is reported.
 */
export async function stopChildren(
  store: WorkflowStore,
  parentId: string,
  stop: (instanceId: string, reason: string) => Promise<unknown>,
  report: (message: string) => void,
): Promise<void> {
  const reason = 'Its parent run ended before it did';
  try {
    let cursor: string | undefined;
    do {
      const page = await store.listInstanceSummaries({
        parent_instance_id: parentId,
        statuses: UNFINISHED,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      await Promise.all(
        page.instances.map((child) => stop(child.instance_id, reason).catch(() => undefined)),
      );
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  } catch (error) {
    report(
      `Could not stop the sub-workflows of run ${parentId}: ${toFlowloomError(error).message}`,
    );
  }
}
