import type { WorkflowData } from '@flowloom/core';
import type { EditorEdge, EditorNode } from './editorTypes';

/** The editor's nodes and edges for a workflow document (the inverse of `toWorkflowData`). */
export function fromWorkflowData(workflowData: WorkflowData): {
  nodes: EditorNode[];
  edges: EditorEdge[];
} {
  const nodes = workflowData.nodes.map(
    (node): EditorNode => ({
      id: node.id,
      type: node.type,
      position: { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
      // Extra keys a document's data may carry are kept, so a load and a save lose nothing.
      data: { ...node.data, parameters: { ...(node.data?.parameters ?? {}) } },
    }),
  );
  const edges = (workflowData.edges ?? []).map(
    (edge): EditorEdge => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? null,
      target: edge.target,
      targetHandle: edge.targetHandle ?? null,
    }),
  );
  return { nodes, edges };
}
