import type { WorkflowIssue } from '@flowloom/core';
import { enCore } from '../i18n/enCore';
import type { EditorState } from './editorTypes';
import { findCycleMembers } from './findCycleMembers';

/** Codes the editor's own graph check reports, kept current as the graph changes. */
const LOCAL_CODES: ReadonlySet<string> = new Set(['CYCLE', 'UNREACHABLE_NODE']);

/** What {@link collectProblems} finds. */
export interface Problems {
  problemsByNode: Record<string, WorkflowIssue[]>;
  invalidEdgeIds: ReadonlySet<string>;
}

/**
 * Every problem to show, by node id (`''` for the workflow): the last save's issues for the
 * nodes still there, with cycles and unreachable steps found again on the current graph (so a
 * cycle saved through the API shows as soon as it is loaded, and goes as soon as it is broken),
 * plus the edges to mark; the graph check words its problems with `state.problemText` (English
 * without it). Arrays equal to those of `previous` are reused.
 */
export function collectProblems(
  state: Pick<EditorState, 'nodes' | 'edges' | 'components' | 'issuesByNode'> &
    Partial<Pick<EditorState, 'problemText'>>,
  previous: Record<string, WorkflowIssue[]> = {},
): Problems {
  const text = state.problemText ?? enCore.problems;
  const nodeIds = state.nodes.map((node) => node.id);
  const present = new Set(nodeIds);
  const byNode: Record<string, WorkflowIssue[]> = {};
  const add = (key: string, issue: WorkflowIssue) => {
    const list = byNode[key];
    if (list) list.push(issue);
    else byNode[key] = [issue];
  };

  for (const [key, issues] of Object.entries(state.issuesByNode)) {
    if (key !== '' && !present.has(key)) continue;
    for (const issue of issues) {
      if (LOCAL_CODES.has(issue.code)) continue;
      if (issue.code === 'EMPTY_WORKFLOW' && nodeIds.length > 0) continue;
      add(key, issue);
    }
  }

  const cycles = findCycleMembers(nodeIds, state.edges);
  for (const cycle of cycles.cycles) {
    for (const id of cycle) {
      const others = cycle.filter((other) => other !== id);
      add(id, {
        code: 'CYCLE',
        severity: 'error',
        node_id: id,
        message: others.length === 0 ? text.selfLoop : text.cycle(others),
      });
    }
  }
  for (const id of unreachableFromTriggers(state)) {
    add(id, {
      code: 'UNREACHABLE_NODE',
      severity: 'warning',
      node_id: id,
      message: text.unreachable,
    });
  }

  const edgeIds = new Set(cycles.edgeIds);
  const existingEdges = new Set(state.edges.map((edge) => edge.id));
  for (const issues of Object.values(byNode)) {
    for (const issue of issues) {
      if (issue.edge_id !== undefined && existingEdges.has(issue.edge_id))
        edgeIds.add(issue.edge_id);
    }
  }
  return { problemsByNode: reuseEqual(byNode, previous), invalidEdgeIds: edgeIds };
}

/** Nodes no trigger reaches, when the workflow has a trigger (the server's rule). */
function unreachableFromTriggers(
  state: Pick<EditorState, 'nodes' | 'edges' | 'components'>,
): string[] {
  const triggers = state.nodes.filter(
    (node) => state.components[node.type ?? '']?.category === 'triggers',
  );
  if (triggers.length === 0) return [];
  const successors = new Map<string, string[]>();
  for (const edge of state.edges) {
    const list = successors.get(edge.source);
    if (list) list.push(edge.target);
    else successors.set(edge.source, [edge.target]);
  }
  const reached = new Set(triggers.map((node) => node.id));
  const queue = [...reached];
  for (let head = 0; head < queue.length; head += 1) {
    for (const next of successors.get(queue[head]!) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return state.nodes.filter((node) => !reached.has(node.id)).map((node) => node.id);
}

function reuseEqual(
  next: Record<string, WorkflowIssue[]>,
  previous: Record<string, WorkflowIssue[]>,
): Record<string, WorkflowIssue[]> {
  const result: Record<string, WorkflowIssue[]> = {};
  for (const [key, issues] of Object.entries(next)) {
    const before = previous[key];
    result[key] = before && sameIssues(before, issues) ? before : issues;
  }
  return result;
}

function sameIssues(a: readonly WorkflowIssue[], b: readonly WorkflowIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (issue, at) =>
        issue.code === b[at]!.code &&
        issue.message === b[at]!.message &&
        issue.severity === b[at]!.severity &&
        issue.field === b[at]!.field &&
        issue.edge_id === b[at]!.edge_id,
    )
  );
}
