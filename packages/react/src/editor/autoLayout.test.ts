import { componentRegistry } from '@flowloom/core';
import { getBezierPath } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { EditorEdge, EditorNode } from '../store/editorTypes';
import { autoLayout } from './autoLayout';
import { estimateNodeLayout } from './estimateNodeLayout';

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

describe('autoLayout: branches leaving from below', () => {
  const components = Object.fromEntries(
    componentRegistry.getAllComponents().map((component) => [component.type, component]),
  );
  const typed = (id: string, type: string): EditorNode => ({ ...node(id), type });
  const from = (source: string, handle: string, target: string): EditorEdge => ({
    id: `${source}.${handle}-${target}`,
    source,
    sourceHandle: handle,
    target,
  });
  const bottomOf = (box: { y: number }, height: number) => box.y + height;

  it('puts the target of a False handle below its Condition when only False is connected', async () => {
    const positions = await autoLayout(
      [typed('t', 'manual_trigger'), typed('c', 'condition'), typed('no', 'log')],
      [edge('t', 'c'), from('c', 'false', 'no')],
      { components },
    );
    // A condition is 102 px tall in the default theme.
    expect(positions.no!.y).toBeGreaterThanOrEqual(bottomOf(positions.c!, 102));
  });

  it('orders a Condition’s targets as its handles are, True above False, False below the node', async () => {
    const positions = await autoLayout(
      [
        typed('t', 'manual_trigger'),
        typed('c', 'condition'),
        typed('no', 'log'),
        typed('yes', 'log'),
      ],
      // The False edge first, which dagre would otherwise tend to put on top.
      [edge('t', 'c'), from('c', 'false', 'no'), from('c', 'true', 'yes')],
      { components },
    );
    expect(positions.yes!.y).toBeLessThan(positions.no!.y);
    expect(positions.no!.y).toBeGreaterThanOrEqual(bottomOf(positions.c!, 102));
  });

  it('keeps the nodes of a layer apart when it moves one down', async () => {
    const positions = await autoLayout(
      [
        typed('t', 'manual_trigger'),
        typed('h', 'http_request'),
        typed('err', 'log'),
        typed('ok', 'log'),
        typed('other', 'log'),
      ],
      [edge('t', 'h'), edge('t', 'other'), from('h', 'error', 'err'), from('h', 'success', 'ok')],
      { components },
    );
    const layer = ['err', 'ok'].map((id) => positions[id]!.y).sort((a, b) => a - b);
    expect(layer[1]! - layer[0]!).toBeGreaterThanOrEqual(80);
  });
});

describe('autoLayout: drawn edges', () => {
  const components = Object.fromEntries(
    componentRegistry.getAllComponents().map((component) => [component.type, component]),
  );
  const typed = (id: string, type: string): EditorNode => ({ ...node(id), type });

  /** Points of the bezier @xyflow/react draws for an edge that fall inside the source node. */
  function pointsInsideSource(
    at: Record<string, { x: number; y: number }>,
    source: { id: string; type: string; handle: string },
    target: { id: string; type: string },
  ): number {
    const from = estimateNodeLayout(components[source.type]);
    const to = estimateNodeLayout(components[target.type]);
    const out = from.handles.find((handle) => handle.id === source.handle)!;
    const into = to.handles.find((handle) => handle.type === 'target')!;
    const origin = at[source.id]!;
    const [path] = getBezierPath({
      sourceX: origin.x + out.x + 5,
      sourceY: origin.y + out.y + 10,
      sourcePosition: out.position,
      targetX: at[target.id]!.x + into.x,
      targetY: at[target.id]!.y + into.y + 5,
      targetPosition: into.position,
    });
    const numbers = path.match(/-?[\d.]+/g)!.map(Number);
    const [x0, y0, x1, y1, x2, y2, x3, y3] = numbers as [number, ...number[]];
    let inside = 0;
    for (let step = 0; step <= 50; step += 1) {
      const t = step / 50;
      const u = 1 - t;
      const x = u ** 3 * x0 + 3 * u * u * t * x1! + 3 * u * t * t * x2! + t ** 3 * x3!;
      const y = u ** 3 * y0! + 3 * u * u * t * y1! + 3 * u * t * t * y2! + t ** 3 * y3!;
      const margin = 4;
      if (
        x > origin.x + margin &&
        x < origin.x + from.width - margin &&
        y > origin.y + margin &&
        y < origin.y + from.height - margin
      ) {
        inside += 1;
      }
    }
    return inside;
  }

  it('draws no edge from a bottom handle through its own node', async () => {
    const positions = await autoLayout(
      [typed('t', 'manual_trigger'), typed('c', 'condition'), typed('no', 'log')],
      [edge('t', 'c'), { id: 'f', source: 'c', sourceHandle: 'false', target: 'no' }],
      { components },
    );
    expect(
      pointsInsideSource(
        positions,
        { id: 'c', type: 'condition', handle: 'false' },
        { id: 'no', type: 'log' },
      ),
    ).toBe(0);
  });
});
