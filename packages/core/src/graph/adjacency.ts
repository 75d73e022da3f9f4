/**
 * A directed graph over node indices with its successor lists packed into two typed arrays:
 * node `n`'s successors are `targets[offsets[n]]` up to (not including) `targets[offsets[n + 1]]`,
 * in the order their edges were given. Two allocations for any size, where a list per node
 * costs a growing array each: a 10,000-node document is validated with a fraction of the
 * garbage.
 */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
}

/** The number of nodes of a graph. */
export function nodeCount(graph: Adjacency): number {
  return graph.offsets.length - 1;
}

/**
 * Packs `edges` edges (`from[i]` → `to[i]`) over `count` nodes, keeping each node's successors
 * in edge order (a counting sort).
 */
export function packAdjacency(
  count: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  edges: number = from.length,
): Adjacency {
  const offsets = new Uint32Array(count + 1);
  for (let at = 0; at < edges; at += 1) offsets[from[at]! + 1]! += 1;
  for (let node = 0; node < count; node += 1) offsets[node + 1]! += offsets[node]!;
  const targets = new Uint32Array(edges);
  const filled = offsets.slice(0, count);
  for (let at = 0; at < edges; at += 1) {
    const source = from[at]!;
    targets[filled[source]!] = to[at]!;
    filled[source]! += 1;
  }
  return { offsets, targets };
}

/** A graph given as one successor list per node, packed. */
export function adjacencyOfLists(lists: ReadonlyArray<ReadonlyArray<number>>): Adjacency {
  const from: number[] = [];
  const to: number[] = [];
  lists.forEach((successors, node) => {
    for (const next of successors) {
      from.push(node);
      to.push(next);
    }
  });
  return packAdjacency(lists.length, from, to);
}
