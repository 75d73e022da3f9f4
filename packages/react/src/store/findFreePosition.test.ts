import { describe, expect, it } from 'vitest';
import type { EditorNode } from './editorTypes';
import { findFreePosition, freeOffset } from './findFreePosition';

const node = (id: string, x: number, y: number, size = { width: 200, height: 80 }): EditorNode => ({
  id,
  type: 'log',
  position: { x, y },
  data: { parameters: {} },
  measured: size,
});

describe('findFreePosition', () => {
  it('gives the wanted spot when nothing is there', () => {
    expect(findFreePosition([node('a', 500, 500)], { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('moves off a node sitting at the wanted spot to the nearest free one', () => {
    const at = findFreePosition([node('a', 0, 0)], { x: 0, y: 0 }, { width: 200, height: 80 });
    expect(at).not.toEqual({ x: 0, y: 0 });
    // No overlap with the node (its box plus the gap).
    const clear = at.y >= 80 + 16 || at.y + 80 + 16 <= 0 || at.x >= 216 || at.x + 216 <= 0;
    expect(clear).toBe(true);
    expect(Math.hypot(at.x, at.y)).toBeLessThanOrEqual(130);
  });

  it('never stacks repeated placements at one spot', () => {
    const nodes: EditorNode[] = [];
    for (let n = 0; n < 6; n += 1) {
      const at = findFreePosition(nodes, { x: 100, y: 100 });
      nodes.push(node(`n${n}`, at.x, at.y, { width: 200, height: 100 }));
    }
    const spots = new Set(nodes.map((n) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(6);
  });

  it('goes below everything when the area around the wanted spot is full', () => {
    const wall: EditorNode[] = [];
    for (let x = -1000; x <= 1000; x += 200) {
      for (let y = -1000; y <= 1000; y += 80) wall.push(node(`${x}:${y}`, x, y));
    }
    const at = findFreePosition(wall, { x: 0, y: 0 });
    expect(at.y).toBeGreaterThan(1080);
  });
});

describe('freeOffset', () => {
  it('moves copies one step when that covers no node', () => {
    const copies = [node('a', 0, 0)];
    expect(freeOffset([node('far', 900, 900)], copies, { x: 40, y: 40 })).toEqual({ x: 40, y: 40 });
  });

  it('moves copies past their originals so that no copy covers a node', () => {
    const originals = [node('a', 0, 0), node('b', 220, 0)];
    const offset = freeOffset(originals, originals, { x: 40, y: 40 });
    expect(offset.y).toBeGreaterThanOrEqual(96);
  });
});
