import type { WorkflowData } from '@flowloom/core';
import type { EditorEdge, EditorNode } from './editorTypes';

/**
 * The workflow document of the editor's nodes and edges, in @xyflow/react's serialised form:
 * only what the document holds (no selection, sizes or run status).
 */
export function toWorkflowData(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): WorkflowData {
  return {
    nodes: nodes.map((node) => {
      const { parameters, label, settings, ...extra } = node.data;
      const data: WorkflowData['nodes'][number]['data'] = {
        ...extra,
        parameters: { ...parameters },
      };
      if (label !== undefined) data.label = label;
      if (settings !== undefined) data.settings = settings;
      return {
        id: node.id,
        type: node.type ?? '',
        position: { x: node.position.x, y: node.position.y },
        data,
      };
    }),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? null,
      target: edge.target,
      targetHandle: edge.targetHandle ?? null,
    })),
  };
}
