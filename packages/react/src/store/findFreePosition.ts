import type { XYPosition } from '@xyflow/react';
import type { EditorNode } from './editorTypes';
import { type Box, boxesOverlap, DEFAULT_NODE_SIZE, nodeBox } from './nodeBox';

/** Space kept free around a placed node. */
const GAP = 16;
/** Distance between the candidate spots tried around the wanted one. */
const STEP = 40;
/** Rings of candidates tried before giving up and going below everything. */
const RINGS = 12;

/**
 * The top-left corner nearest `wanted` where a node of `size` overlaps no node (with a small
 * gap): `wanted` itself when free, else the closest free spot on a grid around it, else below
 * the lowest node.
 *
 * @example
 * const at = findFreePosition(state.nodes, { x: centre.x - 100, y: centre.y - 50 });
 */
export function findFreePosition(
  nodes: readonly EditorNode[],
  wanted: XYPosition,
  size: { width: number; height: number } = DEFAULT_NODE_SIZE,
): XYPosition {
  const boxes = nodes.map((node) => nodeBox(node));
  const free = (at: XYPosition) => {
    const box: Box = { ...at, ...size };
    return !boxes.some((other) => boxesOverlap(box, other, GAP));
  };
  for (const at of candidates(wanted)) {
    if (free(at)) return at;
  }
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: wanted.x, y: bottom + GAP * 2 };
}

/** `wanted`, then grid spots around it ring by ring, nearest first within each ring. */
function* candidates(wanted: XYPosition): Generator<XYPosition> {
  yield wanted;
  for (let ring = 1; ring <= RINGS; ring += 1) {
    const spots: XYPosition[] = [];
    for (let dx = -ring; dx <= ring; dx += 1) {
      for (let dy = -ring; dy <= ring; dy += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        spots.push({ x: wanted.x + dx * STEP, y: wanted.y + dy * STEP });
      }
    }
    spots.sort(
      (a, b) =>
        Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y),
    );
    yield* spots;
  }
}

/**
 * How far to move copied nodes so that, as a group, they overlap no node already there: to the
 * free spot nearest one `step` down and to the right of where they were copied.
 */
export function freeOffset(
  nodes: readonly EditorNode[],
  copies: readonly EditorNode[],
  step: XYPosition,
): XYPosition {
  if (copies.length === 0) return step;
  const boxes = copies.map((copy) => nodeBox(copy));
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const size = {
    width: Math.max(...boxes.map((box) => box.x + box.width)) - left,
    height: Math.max(...boxes.map((box) => box.y + box.height)) - top,
  };
  const at = findFreePosition(nodes, { x: left + step.x, y: top + step.y }, size);
  return { x: at.x - left, y: at.y - top };
}
