import type { WorkflowEdge } from '../schema/workflowData';
import type { WorkflowIssue } from '../schema/workflowValidation';
import type { IndexedNode } from './indexWorkflow';

/**
 * Resolves the handle an edge uses on one end. An omitted (or null) handle is allowed when the
 * component has exactly one handle on that side.
 *
 * @returns the handle id, or `undefined` after adding an issue. For a node of an unknown type the
 * handle is taken as written (that node already carries an issue).
 */
export function resolveHandle(
  edge: WorkflowEdge,
  end: 'source' | 'target',
  indexed: IndexedNode,
  issues: WorkflowIssue[],
): string | undefined {
  const written = end === 'source' ? edge.sourceHandle : edge.targetHandle;
  const field = end === 'source' ? 'sourceHandle' : 'targetHandle';
  if (!indexed.component) return written ?? `(${end})`;
  const handles =
    end === 'source'
      ? indexed.component.metadata.output_handles
      : indexed.component.metadata.input_handles;
  const side = end === 'source' ? 'output' : 'input';
  const node = indexed.node;
  if (written === undefined || written === null) {
    if (handles.length === 1) return handles[0]!.id;
    issues.push({
      code: handles.length === 0 ? 'UNKNOWN_HANDLE' : 'AMBIGUOUS_HANDLE',
      message:
        handles.length === 0
          ? `Edge "${edge.id}" connects to node "${node.id}", which has no ${side} handle`
          : `Edge "${edge.id}" must name which ${side} handle of node "${node.id}" it uses: ${handles.map((h) => h.id).join(', ')}`,
      severity: 'error',
      edge_id: edge.id,
      node_id: node.id,
      field,
    });
    return undefined;
  }
  if (handles.some((handle) => handle.id === written)) return written;
  issues.push({
    code: 'UNKNOWN_HANDLE',
    message:
      handles.length === 0
        ? `Edge "${edge.id}" uses ${side} handle "${written}" of node "${node.id}", which has no ${side} handle`
        : `Edge "${edge.id}" uses unknown ${side} handle "${written}" of node "${node.id}" (has: ${handles.map((h) => h.id).join(', ')})`,
    severity: 'error',
    edge_id: edge.id,
    node_id: node.id,
    field,
  });
  return undefined;
}
