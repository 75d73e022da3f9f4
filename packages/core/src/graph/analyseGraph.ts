import type { WorkflowIssue } from '../schema/workflowValidation';
import { findCycles } from './findCycles';
import { error, type WorkflowIndex } from './indexWorkflow';

/** The shape of a workflow's graph: where runs start and what they can reach. */
export interface GraphAnalysis {
  /** Node ids in document order. */
  order: string[];
  /** Ids of the nodes runs start at. */
  entries: string[];
  /** Ids of the nodes reachable from an entry. */
  reachable: Set<string>;
  issues: WorkflowIssue[];
}

/**
 * Finds cycles, entry nodes and unreachable nodes. Runs start at trigger nodes when the workflow
 * has any, else at nodes with no incoming edge; a node no entry reaches is a warning (it will be
 * skipped), not an error, and so is a workflow with no node at all.
 */
export function analyseGraph(index: WorkflowIndex): GraphAnalysis {
  const order = [...index.nodes.keys()];
  const position = new Map(order.map((id, at) => [id, at]));
  const successors: number[][] = order.map(() => []);
  const hasIncoming = new Uint8Array(order.length);
  const issues: WorkflowIssue[] = [];
  for (const { source, target, edge } of index.edges) {
    if (source === target) {
      issues.push(
        error('CYCLE', `Edge "${edge.id}" connects node "${source}" to itself`, {
          node_id: source,
          edge_id: edge.id,
        }),
      );
      continue;
    }
    const to = position.get(target)!;
    successors[position.get(source)!]!.push(to);
    hasIncoming[to] = 1;
  }
  for (const cycle of findCycles(successors)) {
    const ids = cycle.map((at) => order[at]!);
    issues.push(
      error('CYCLE', `The workflow has a cycle: ${[...ids, ids[0]].join(' → ')}`, {
        node_id: ids[0]!,
      }),
    );
  }

  const triggers = order.filter((id) => index.nodes.get(id)!.component?.isTrigger);
  const entries = triggers.length > 0 ? triggers : order.filter((_, at) => hasIncoming[at] === 0);
  if (order.length === 0) {
    // Valid (a run of it completes at once), but most likely not what its author meant.
    issues.push({
      code: 'EMPTY_WORKFLOW',
      message: 'The workflow has no steps: add a trigger to start from',
      severity: 'warning',
    });
  } else if (entries.length === 0) {
    issues.push(
      error(
        'NO_ENTRY_NODE',
        'The workflow has no entry step: add a trigger or a step with no incoming connection',
      ),
    );
  }

  const reachable = new Set<string>();
  const queue = entries.map((id) => position.get(id)!);
  for (const at of queue) reachable.add(order[at]!);
  for (let head = 0; head < queue.length; head += 1) {
    for (const next of successors[queue[head]!]!) {
      if (reachable.has(order[next]!)) continue;
      reachable.add(order[next]!);
      queue.push(next);
    }
  }
  if (entries.length > 0) {
    for (const id of order) {
      if (!reachable.has(id)) {
        issues.push({
          code: 'UNREACHABLE_NODE',
          message: `Node "${id}" cannot be reached from ${triggers.length > 0 ? 'a trigger' : 'an entry step'} and will be skipped`,
          severity: 'warning',
          node_id: id,
        });
      }
    }
  }
  return { order, entries, reachable, issues };
}
