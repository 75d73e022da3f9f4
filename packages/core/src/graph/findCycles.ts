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
  const onReportedCycle = new Uint8Array(count);
  const cycles: number[][] = [];
  for (let start = 0; start < count; start += 1) {
    if (!remaining[start] || onReportedCycle[start]) continue;
    // Walking back along remaining predecessors must revisit a node: that loop is a cycle.
    const seenAt = new Map<number, number>();
    const walk: number[] = [];
    let node = start;
    while (!seenAt.has(node)) {
      seenAt.set(node, walk.length);
      walk.push(node);
      node = predecessors[node]!.find((predecessor) => remaining[predecessor] === 1)!;
    }
    const cycle = walk.slice(seenAt.get(node)).reverse();
    if (cycle.some((member) => onReportedCycle[member])) continue;
    for (const member of cycle) onReportedCycle[member] = 1;
    cycles.push(cycle);
  }
  return cycles;
}
