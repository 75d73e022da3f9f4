import { describe, expect, it } from 'vitest';
import type { EditorEdge, EditorNode } from '../store/editorTypes';
import { autoLayout } from './autoLayout';

function node(id: string): EditorNode {
  return { id, type: 'log', position: { x: 0, y: 0 }, data: { parameters: {} } };
}

function edge(source: string, target: string): EditorEdge {
  return { id: `${source}-${target}`, source, target };
}

describe('autoLayout', () => {
  it('places each layer to the right of the one before it', async () => {
    const positions = await autoLayout(
      [node('a'), node('b'), node('c')],
      [edge('a', 'b'), edge('b', 'c')],
    );
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions.b!.x).toBeLessThan(positions.c!.x);
    // A chain stays on one row.
    expect(positions.a!.y).toBe(positions.c!.y);
  });

  it('stacks the branches of a fork in one layer without overlap', async () => {
    const positions = await autoLayout(
      [node('a'), node('b'), node('c')],
      [edge('a', 'b'), edge('a', 'c')],
    );
    expect(positions.b!.x).toBe(positions.c!.x);
    expect(Math.abs(positions.b!.y - positions.c!.y)).toBeGreaterThanOrEqual(80);
  });

  it('ignores edges to nodes that are not there', async () => {
    const positions = await autoLayout([node('a')], [edge('a', 'ghost')]);
    expect(Object.keys(positions)).toEqual(['a']);
  });
});
