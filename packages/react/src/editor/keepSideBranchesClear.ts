/** A node as laid out: its top-left corner and size. */
export interface LaidOutNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge and the side of its source its handle sits on. */
export interface SideEdge {
  source: string;
  target: string;
  side: 'left' | 'right' | 'top' | 'bottom';
  /** The handle's place going round the source clockwise from the top. */
  order: number;
}

/** Layers are told apart by their left edge; dagre aligns a layer's centres. */
const SAME_LAYER = 1;

/**
 * Adjusts a left-to-right layout (in place) so edges leave their handles cleanly: the targets
 * of one node that share a layer take the vertical order of its handles (True above False), and
 * a target fed from a bottom handle starts below its source (from a top handle, ends above it),
 * moving the nodes under it (over it) in its layer along, so nothing overlaps.
 */
export function keepSideBranchesClear(
  nodes: ReadonlyMap<string, LaidOutNode>,
  edges: readonly SideEdge[],
  gap: number,
): void {
  const centreX = (node: LaidOutNode) => node.x + node.width / 2;
  const layerOf = (node: LaidOutNode) =>
    [...nodes.values()].filter((other) => Math.abs(centreX(other) - centreX(node)) < SAME_LAYER);

  // Targets of one source, in one layer: swap their slots into handle order.
  const bySource = new Map<string, SideEdge[]>();
  for (const edge of edges) bySource.set(edge.source, [...(bySource.get(edge.source) ?? []), edge]);
  for (const outgoing of bySource.values()) {
    const layers = new Map<number, Array<{ node: LaidOutNode; order: number }>>();
    for (const edge of outgoing) {
      const target = nodes.get(edge.target);
      if (!target) continue;
      const key = Math.round(centreX(target));
      const list = layers.get(key) ?? [];
      if (!list.some((entry) => entry.node === target))
        list.push({ node: target, order: edge.order });
      layers.set(key, list);
    }
    for (const list of layers.values()) {
      if (list.length < 2) continue;
      const slots = list.map((entry) => entry.node.y).sort((a, b) => a - b);
      const heights = list.map((entry) => entry.node.height);
      // Same-height nodes swap exactly; different heights keep their slots' tops.
      if (new Set(heights).size > 1) continue;
      [...list]
        .sort((a, b) => a.order - b.order)
        .forEach((entry, at) => {
          entry.node.y = slots[at]!;
        });
    }
  }

  // Then push targets of bottom (top) handles clear of their source, left to right.
  const sorted = [...edges].sort(
    (a, b) => (nodes.get(a.source)?.x ?? 0) - (nodes.get(b.source)?.x ?? 0),
  );
  for (const edge of sorted) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    if (edge.side === 'bottom') {
      const shift = source.y + source.height + gap - target.y;
      if (shift <= 0) continue;
      const from = target.y;
      for (const node of layerOf(target)) if (node.y >= from) node.y += shift;
    } else if (edge.side === 'top') {
      const shift = target.y + target.height + gap - source.y;
      if (shift <= 0) continue;
      const from = target.y;
      for (const node of layerOf(target)) if (node.y <= from) node.y -= shift;
    }
  }
}
