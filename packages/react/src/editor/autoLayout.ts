import type { XYPosition } from '@xyflow/react';
import type { EditorEdge, EditorNode } from '../store/editorTypes';

/** Options of {@link autoLayout}. */
export interface AutoLayoutOptions {
  /** Gap between layers (left to right), in pixels. @default 80 */
  rankSeparation?: number;
  /** Gap between nodes of one layer, in pixels. @default 40 */
  nodeSeparation?: number;
}

// Used for nodes @xyflow/react has not measured yet (e.g. never rendered).
const DEFAULT_WIDTH = 200;
const DEFAULT_HEIGHT = 80;

/**
 * Lays a workflow out left to right in layers with dagre and returns each node's new top-left
 * position (feed it to the store's `setPositions`, which makes it undoable).
 *
 * @remarks dagre is loaded on first use with a dynamic `import()`, so it stays out of the main
 * bundle until someone asks for a layout.
 */
export async function autoLayout(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  options: AutoLayoutOptions = {},
): Promise<Record<string, XYPosition>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: 'LR',
    ranksep: options.rankSeparation ?? 80,
    nodesep: options.nodeSeparation ?? 40,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number }>();
  for (const node of nodes) {
    const size = {
      width: node.measured?.width ?? node.width ?? DEFAULT_WIDTH,
      height: node.measured?.height ?? node.height ?? DEFAULT_HEIGHT,
    };
    sizes.set(node.id, size);
    graph.setNode(node.id, size);
  }
  for (const edge of edges) {
    if (sizes.has(edge.source) && sizes.has(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions: Record<string, XYPosition> = {};
  for (const [id, size] of sizes) {
    // dagre gives centres; @xyflow/react positions are top-left corners.
    const { x, y } = graph.node(id) as { x: number; y: number };
    positions[id] = { x: x - size.width / 2, y: y - size.height / 2 };
  }
  return positions;
}
