import type { WorkflowIssue } from '../schema/workflowValidation';
import { packAdjacency } from './adjacency';
import { findCycles } from './findCycles';
import { error, type WorkflowIndex } from './indexWorkflow';

/** The shape of a workflow's graph: where runs start and what they can reach. */
export interface GraphAnalysis {
  /** Node ids in document order. */
  order: string[];
  /** Each node id's index in {@link GraphAnalysis.order}. */
  position: ReadonlyMap<string, number>;
  /** Ids of the nodes runs start at. */
  entries: string[];
  /** 1 at the index (in `order`) of each node reachable from an entry, else 0. */
  reachable: Uint8Array;
  issues: WorkflowIssue[];
}

/**
 * Finds cycles, entry nodes and unreachable nodes. Runs start at trigger nodes when the workflow
 * has any, else at nodes with no incoming edge; a node no entry reaches is a warning (it will be
 * skipped), not an error, and so is a workflow with no node at all.
 */
export function analyseGraph(index: WorkflowIndex): GraphAnalysis {
  const order = [...index.nodes.keys()];
  const position = new Map<string, number>();
  for (let at = 0; at < order.length; at += 1) position.set(order[at]!, at);
  const hasIncoming = new Uint8Array(order.length);
  const issues: WorkflowIssue[] = [];
  const from = new Uint32Array(index.edges.length);
  const to = new Uint32Array(index.edges.length);
  let edges = 0;
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
    from[edges] = position.get(source)!;
    to[edges] = position.get(target)!;
    hasIncoming[to[edges]!] = 1;
    edges += 1;
  }
  const graph = packAdjacency(order.length, from, to, edges);
  for (const cycle of findCycles(graph)) {
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

  const reachable = new Uint8Array(order.length);
  const queue = new Uint32Array(order.length);
  let queued = 0;
  for (const id of entries) {
    const at = position.get(id)!;
    if (reachable[at] === 1) continue;
    reachable[at] = 1;
    queue[queued++] = at;
  }
  const { offsets, targets } = graph;
  for (let head = 0; head < queued; head += 1) {
    const node = queue[head]!;
    for (let edge = offsets[node]!; edge < offsets[node + 1]!; edge += 1) {
      const next = targets[edge]!;
      if (reachable[next] === 1) continue;
      reachable[next] = 1;
      queue[queued++] = next;
    }
  }
  if (entries.length > 0) {
    for (let at = 0; at < order.length; at += 1) {
      if (reachable[at] === 0) {
        const id = order[at]!;
        issues.push({
          code: 'UNREACHABLE_NODE',
          message: `Node "${id}" cannot be reached from ${triggers.length > 0 ? 'a trigger' : 'an entry step'} and will be skipped`,
          severity: 'warning',
          node_id: id,
        });
      }
    }
  }
  return { order, position, entries, reachable, issues };
}
