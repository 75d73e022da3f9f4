import type { XYPosition } from '@xyflow/react';
import type { EditorNode } from './editorTypes';

/** A rectangle on the canvas, in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size assumed for a node @xyflow/react has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 200, height: 100 } as const;

/** A node's rectangle: its measured size, else its estimate, else {@link DEFAULT_NODE_SIZE}. */
export function nodeBox(node: EditorNode, at: XYPosition = node.position): Box {
  return {
    x: at.x,
    y: at.y,
    width: node.measured?.width ?? node.width ?? node.initialWidth ?? DEFAULT_NODE_SIZE.width,
    height: node.measured?.height ?? node.height ?? node.initialHeight ?? DEFAULT_NODE_SIZE.height,
  };
}

/** Whether two rectangles overlap once each is grown by `gap` on every side. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x - gap < b.x + b.width &&
    b.x - gap < a.x + a.width &&
    a.y - gap < b.y + b.height &&
    b.y - gap < a.y + a.height
  );
}
