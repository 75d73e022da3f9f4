import { findJsonDepthProblem } from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { WorkflowIssue } from '../schema/workflowValidation';
import { error } from './indexWorkflow';

/** Longest document path quoted in a message. */
const MAX_QUOTED_PATH = 200;

/**
 * Checks a workflow document against the size limits before anything parses it: node and edge
 * counts first (reading two array lengths), then nesting depth (one iterative walk). A document
 * over a limit gets one issue per limit passed and is not checked further, so a hostile document
 * costs one cheap pass, and nothing later can overflow the stack on it.
 */
export function checkDocumentLimits(
  document: unknown,
  limits: Pick<WorkflowLimits, 'maxNodes' | 'maxEdges' | 'maxJsonDepth'>,
): WorkflowIssue[] {
  if (document === null || typeof document !== 'object') return [];
  const { nodes, edges } = document as { nodes?: unknown; edges?: unknown };
  const issues: WorkflowIssue[] = [];
  if (Array.isArray(nodes) && nodes.length > limits.maxNodes) {
    issues.push(
      error(
        'TOO_MANY_NODES',
        `The workflow has ${nodes.length} nodes; at most ${limits.maxNodes} are allowed`,
        { field: 'nodes' },
      ),
    );
  }
  if (Array.isArray(edges) && edges.length > limits.maxEdges) {
    issues.push(
      error(
        'TOO_MANY_EDGES',
        `The workflow has ${edges.length} edges; at most ${limits.maxEdges} are allowed`,
        { field: 'edges' },
      ),
    );
  }
  if (issues.length > 0) return issues;
  const deep = findJsonDepthProblem(document, limits.maxJsonDepth);
  if (!deep) return [];
  const quoted =
    deep.path.length > MAX_QUOTED_PATH ? `${deep.path.slice(0, MAX_QUOTED_PATH)}…` : deep.path;
  return [
    error(
      'TOO_DEEP',
      `The workflow nests deeper than ${limits.maxJsonDepth} levels at "${quoted}"`,
      { field: deep.path },
    ),
  ];
}
