import type { WorkflowClient } from '../client/clientTypes';
import { peekInstanceFeed } from '../hooks/acquireInstanceFeed';
import { type NodeRunStatus, nextRunStatus } from '../store/nextRunStatus';

/**
 * The canvas statuses the live run shows: its events received so far on the page, folded as
 * the canvas folds them live. Empty without a live run (or when nothing follows it).
 */
export function liveRunStatusOf(
  client: WorkflowClient,
  instanceId: string | undefined,
): Record<string, NodeRunStatus> {
  if (instanceId === undefined) return {};
  const events = peekInstanceFeed(client, instanceId)?.getSnapshot().events ?? [];
  let status: Record<string, NodeRunStatus> = {};
  // The feed holds them newest first.
  for (let at = events.length - 1; at >= 0; at -= 1) status = nextRunStatus(status, events[at]!);
  return status;
}
