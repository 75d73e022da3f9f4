import type { ComponentHandle, WorkflowComponentMetadata } from '@flowloom/core';
import type { XYPosition } from '@xyflow/react';
import type { EditorEdge, EditorNode } from '../store/editorTypes';
import { estimateNodeLayout } from './estimateNodeLayout';
import { keepSideBranchesClear, type LaidOutNode } from './keepSideBranchesClear';

/** Options of {@link autoLayout}. */
export interface AutoLayoutOptions {
  /** Gap between layers (left to right), in pixels. @default 80 */
  rankSeparation?: number;
  /** Gap between nodes of one layer, in pixels. @default 40 */
  nodeSeparation?: number;
  /**
   * Component metadata by type: the sizes of unmeasured nodes and the sides their output
   * handles sit on, so branches leaving from below (False, Error) are laid out below their node.
   */
  components?: Readonly<Record<string, WorkflowComponentMetadata>>;
}

/**
 * Lays a workflow out left to right in layers with dagre and returns each node's new top-left
 * position (feed it to the store's `setPositions`, which makes it undoable).
 *
 * @remarks dagre is loaded on first use with a dynamic `import()`, so it stays out of the main
 * bundle until someone asks for a layout. dagre knows nothing of handle sides: afterwards the
 * targets of a node's outputs are ordered as its handles are (right before bottom), and a
 * target fed from a bottom handle is moved below its source, so no edge runs behind a node.
 */
export async function autoLayout(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  options: AutoLayoutOptions = {},
): Promise<Record<string, XYPosition>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const components = options.components ?? {};
  const nodeSeparation = options.nodeSeparation ?? 40;
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: 'LR',
    ranksep: options.rankSeparation ?? 80,
    nodesep: nodeSeparation,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  const laidOut = new Map<string, LaidOutNode>();
  for (const node of nodes) {
    const estimate = estimateNodeLayout(components[node.type ?? '']);
    const size = {
      width: node.measured?.width ?? node.width ?? estimate.width,
      height: node.measured?.height ?? node.height ?? estimate.height,
    };
    laidOut.set(node.id, { id: node.id, x: 0, y: 0, ...size });
    graph.setNode(node.id, size);
  }
  const typeOf = new Map(nodes.map((node) => [node.id, node.type ?? '']));
  const sideEdges = [];
  for (const edge of edges) {
    if (!laidOut.has(edge.source) || !laidOut.has(edge.target)) continue;
    graph.setEdge(edge.source, edge.target);
    const sourceType = typeOf.get(edge.source) ?? '';
    const handle = outputHandle(components[sourceType], edge.sourceHandle);
    sideEdges.push({
      source: edge.source,
      target: edge.target,
      side: handle?.position ?? 'right',
      order: handle ? handleOrder(components[sourceType], handle) : 0,
    });
  }
  dagre.layout(graph);
  for (const box of laidOut.values()) {
    // dagre gives centres; @xyflow/react positions are top-left corners.
    const { x, y } = graph.node(box.id) as { x: number; y: number };
    box.x = x - box.width / 2;
    box.y = y - box.height / 2;
  }
  keepSideBranchesClear(laidOut, sideEdges, nodeSeparation);
  const positions: Record<string, XYPosition> = {};
  for (const box of laidOut.values()) positions[box.id] = { x: box.x, y: box.y };
  return positions;
}

/** The output handle an edge leaves from: the one named, else the only one. */
function outputHandle(
  component: WorkflowComponentMetadata | undefined,
  handleId: string | null | undefined,
): ComponentHandle | undefined {
  if (!component) return undefined;
  if (handleId === null || handleId === undefined) {
    return component.output_handles.length === 1 ? component.output_handles[0] : undefined;
  }
  return component.output_handles.find((handle) => handle.id === handleId);
}

/** Where a handle comes going round the node clockwise from the top: top, right, bottom. */
function handleOrder(component: WorkflowComponentMetadata | undefined, handle: ComponentHandle) {
  const sides = { top: 0, right: 1, bottom: 2, left: 3 } as const;
  const index = component?.output_handles.indexOf(handle) ?? 0;
  return sides[handle.position] * 1000 + index;
}
