import { instanceSummaryOf } from '../schema/instanceSummary';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { decodeInstanceCursor, encodeInstanceCursor, isAfterCursor } from './instanceCursor';
import { matchesListAccess } from './matchesListAccess';
import { DEFAULT_PAGE_SIZE } from './pageOf';
import type { InstanceSummaryPage, ListInstanceSummariesOptions } from './WorkflowStore';

/**
 * One page of instance summaries from instances held in memory: the MemoryStore's
 * `listInstanceSummaries`, and the reference the SQL stores' queries agree with.
 */
export function pageInstanceSummaries(
  instances: Iterable<WorkflowInstance>,
  options: ListInstanceSummariesOptions = {},
): InstanceSummaryPage {
  const cursor = options.cursor === undefined ? undefined : decodeInstanceCursor(options.cursor);
  const statuses =
    options.statuses && options.statuses.length > 0 ? new Set(options.statuses) : undefined;
  const matching: WorkflowInstance[] = [];
  for (const instance of instances) {
    if (options.created_by !== undefined && instance.created_by !== options.created_by) continue;
    if (!matchesListAccess(instance, options.access)) continue;
    if (options.workflow_id !== undefined && instance.workflow_id !== options.workflow_id) continue;
    if (statuses && !statuses.has(instance.status)) continue;
    if (options.created_after !== undefined && !(instance.created_at > options.created_after))
      continue;
    if (options.created_before !== undefined && !(instance.created_at < options.created_before))
      continue;
    if (options.trigger_type !== undefined && instance.trigger?.type !== options.trigger_type)
      continue;
    if (
      options.parent_instance_id !== undefined &&
      instance.parent_instance_id !== options.parent_instance_id
    )
      continue;
    matching.push(instance);
  }
  matching.sort((a, b) => (isAfterCursor(a, b) ? 1 : isAfterCursor(b, a) ? -1 : 0));
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE));
  const start = cursor
    ? firstAfter(matching, cursor)
    : Math.max(0, Math.floor(options.offset ?? 0));
  const page = matching.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < matching.length;
  return {
    instances: page.map(instanceSummaryOf),
    total: matching.length,
    next_cursor: more && last ? encodeInstanceCursor(last) : null,
  };
}

/** The index of the first instance after the cursor, in a list sorted newest first. */
function firstAfter(
  sorted: readonly WorkflowInstance[],
  cursor: { created_at: string; instance_id: string },
) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfterCursor(sorted[middle]!, cursor)) high = middle;
    else low = middle + 1;
  }
  return low;
}
