import { describe, expect, it } from 'vitest';
import { adjacencyOfLists } from './adjacency';
import { findCycles } from './findCycles';

/** Rotates a cycle so it starts at its smallest node, to compare cycles found from any start. */
function normalise(cycle: number[]): number[] {
  const at = cycle.indexOf(Math.min(...cycle));
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}

describe('findCycles', () => {
  it('finds nothing in an empty graph', () => {
    expect(findCycles(adjacencyOfLists([]))).toEqual([]);
  });

  it('finds nothing in a chain or a diamond', () => {
    expect(findCycles(adjacencyOfLists([[1], [2], []]))).toEqual([]);
    expect(findCycles(adjacencyOfLists([[1, 2], [3], [3], []]))).toEqual([]);
  });

  it('finds a self-loop', () => {
    expect(findCycles(adjacencyOfLists([[0]]))).toEqual([[0]]);
  });

  it('finds a two-node cycle', () => {
    expect(findCycles(adjacencyOfLists([[1], [0]])).map(normalise)).toEqual([[0, 1]]);
  });

  it('lists the nodes of a cycle in edge order', () => {
    // 0 → 2 → 1 → 0
    expect(findCycles(adjacencyOfLists([[2], [0], [1]])).map(normalise)).toEqual([[0, 2, 1]]);
  });

  it('does not report nodes upstream or downstream of a cycle', () => {
    // 0 → 1 → 2 → 3 → 1, 3 → 4 → 5
    const cycles = findCycles(adjacencyOfLists([[1], [2], [3], [1, 4], [5], []]));
    expect(cycles.map(normalise)).toEqual([[1, 2, 3]]);
  });

  it('reports each of two separate cycles once', () => {
    // 0 ↔ 1 and 2 → 3 → 4 → 2, joined by 1 → 2
    const cycles = findCycles(adjacencyOfLists([[1], [0, 2], [3], [4], [2]])).map(normalise);
    expect(cycles).toHaveLength(2);
    expect(cycles).toEqual(
      expect.arrayContaining([
        [0, 1],
        [2, 3, 4],
      ]),
    );
  });

  it('reports a cycle downstream of another only once each', () => {
    // 0 ↔ 1 → 2 → 3 ↔ 4, with 4 → 5
    const cycles = findCycles(adjacencyOfLists([[1], [0, 2], [3], [4], [3, 5], []])).map(normalise);
    expect(cycles).toEqual(
      expect.arrayContaining([
        [0, 1],
        [3, 4],
      ]),
    );
    expect(cycles).toHaveLength(2);
  });

  it('reports every node of a found cycle as a real cycle', () => {
    const successors = [[1, 2], [2], [0, 3], [1]];
    for (const cycle of findCycles(adjacencyOfLists(successors))) {
      cycle.forEach((node, at) => {
        expect(successors[node]).toContain(cycle[(at + 1) % cycle.length]);
      });
    }
  });

  it('starts each cycle at its smallest node and orders cycles by it', () => {
    // 3 → 4 → 2 → 3 and 1 ↔ 0 (listed out of order)
    expect(findCycles(adjacencyOfLists([[1], [0], [3], [4], [2]]))).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('reports two cycles that reach each other as one knot', () => {
    // 0 ↔ 1 and 1 ↔ 2 share node 1
    expect(findCycles(adjacencyOfLists([[1], [0, 2], [1]]))).toHaveLength(1);
  });

  it('finds a self-loop inside a larger cycle once', () => {
    expect(findCycles(adjacencyOfLists([[0, 1], [0]]))).toHaveLength(1);
  });

  it('handles a 200,000-node ring without overflowing the stack', () => {
    const count = 200_000;
    const ring = Array.from({ length: count }, (_, node) => [(node + 1) % count]);
    const cycles = findCycles(adjacencyOfLists(ring));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(count);
    expect(cycles[0]!.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('handles a 50,000-node chain below a cycle without walking it once per node', () => {
    const count = 50_000;
    const successors: number[][] = Array.from({ length: count }, (_, node) =>
      node + 1 < count ? [node + 1] : [],
    );
    successors[1]!.push(0);
    expect(findCycles(adjacencyOfLists(successors)).map(normalise)).toEqual([[0, 1]]);
  });
});
