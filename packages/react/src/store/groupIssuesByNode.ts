import type { WorkflowIssue } from '@flowloom/core';

/** Groups validation issues by node id; issues of no node (the whole workflow) go under `''`. */
export function groupIssuesByNode(
  issues: readonly WorkflowIssue[],
): Record<string, WorkflowIssue[]> {
  const byNode: Record<string, WorkflowIssue[]> = {};
  for (const issue of issues) {
    const key = issue.node_id ?? '';
    const list = byNode[key];
    if (list) list.push(issue);
    else byNode[key] = [issue];
  }
  return byNode;
}
