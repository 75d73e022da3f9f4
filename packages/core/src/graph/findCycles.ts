/**
 * Finds the cycles of a directed graph given as adjacency lists over node indices. Returns one
 * cycle (as node indices in order) per strongly-connected knot; nodes merely downstream of a
 * cycle are not reported. Linear in nodes plus edges.
 */
export function findCycles(successors: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  const count = successors.length;
  const indegree = new Uint32Array(count);
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  successors.forEach((targets, source) => {
    for (const target of targets) {
      indegree[target]! += 1;
      predecessors[target]!.push(source);
    }
  });
  // Kahn's algorithm: whatever is never freed lies on a cycle or downstream of one.
  const queue: number[] = [];
  for (let node = 0; node < count; node += 1) if (indegree[node] === 0) queue.push(node);
  for (let head = 0; head < queue.length; head += 1) {
    for (const target of successors[queue[head]!]!) {
      indegree[target]! -= 1;
      if (indegree[target] === 0) queue.push(target);
    }
  }
  if (queue.length === count) return [];

  const remaining = new Uint8Array(count);
  for (let node = 0; node < count; node += 1) if (indegree[node]! > 0) remaining[node] = 1;
  // The walk that first visited each node (-1: none yet), so no node is walked twice: a node
  // downstream of a cycle must not cost a walk back over the whole chain above it.
  const walkedBy = new Int32Array(count).fill(-1);
  const cycles: number[][] = [];
  for (let start = 0; start < count; start += 1) {
    if (!remaining[start] || walkedBy[start] !== -1) continue;
    // Every remaining node has a remaining predecessor, so walking back must revisit a node.
    const walk: number[] = [];
    let node = start;
    while (walkedBy[node] === -1) {
      walkedBy[node] = start;
      walk.push(node);
      node = predecessors[node]!.find((predecessor) => remaining[predecessor] === 1)!;
    }
    // Reaching an earlier walk leads into a cycle that walk already reported.
    if (walkedBy[node] !== start) continue;
    cycles.push(walk.slice(walk.indexOf(node)).reverse());
  }
  return cycles;
}
