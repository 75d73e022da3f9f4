import { type Adjacency, nodeCount } from './adjacency';

/**
 * Finds the cycles of a directed graph over node indices. Returns one
 * cycle (as node indices in edge order, starting at its smallest index) per strongly-connected
 * knot, ordered by that index; nodes merely upstream or downstream of a cycle are not reported.
 * Linear in nodes plus edges.
 *
 * @remarks Two cycles that reach each other form one knot and are reported as one: breaking
 * either leaves the other, which the next validation reports.
 */
export function findCycles(graph: Adjacency): number[][] {
  const { offsets, targets } = graph;
  const count = nodeCount(graph);
  // Tarjan's algorithm, iterative so that a 10,000-step chain cannot overflow the call stack.
  const order = new Int32Array(count).fill(-1);
  const lowlink = new Int32Array(count);
  const nextEdge = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const knotOf = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const path: number[] = [];
  const cycles: number[][] = [];
  let visited = 0;
  let knots = 0;

  const enter = (node: number): void => {
    nextEdge[node] = offsets[node]!;
    order[node] = visited;
    lowlink[node] = visited;
    visited += 1;
    stack.push(node);
    onStack[node] = 1;
    path.push(node);
  };

  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1) continue;
    enter(root);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      if (nextEdge[node]! < offsets[node + 1]!) {
        const next = targets[nextEdge[node]!]!;
        nextEdge[node]! += 1;
        if (order[next] === -1) enter(next);
        else if (onStack[next]) lowlink[node] = Math.min(lowlink[node]!, order[next]!);
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) lowlink[parent] = Math.min(lowlink[parent]!, lowlink[node]!);
      if (lowlink[node] !== order[node]) continue;
      // `node` roots a knot: everything above it on the stack belongs to it.
      const knot = knots;
      knots += 1;
      let size = 0;
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        knotOf[member] = knot;
        size += 1;
      } while (member !== node);
      if (size > 1 || hasEdge(graph, node, node)) {
        cycles.push(cycleWithin(node, knot, graph, knotOf));
      }
    }
  }
  return cycles.sort((a, b) => a[0]! - b[0]!);
}

/** Walks forward inside one knot until a node repeats: the loop walked is a cycle. */
function cycleWithin(start: number, knot: number, graph: Adjacency, knotOf: Int32Array): number[] {
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let node = start;
  while (!seenAt.has(node)) {
    seenAt.set(node, walk.length);
    walk.push(node);
    // Every node of a knot has a successor in the same knot.
    node = successorIn(graph, node, (next) => knotOf[next] === knot);
  }
  const cycle = walk.slice(seenAt.get(node));
  let first = 0;
  for (let at = 1; at < cycle.length; at += 1) if (cycle[at]! < cycle[first]!) first = at;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}

function hasEdge(graph: Adjacency, from: number, to: number): boolean {
  for (let at = graph.offsets[from]!; at < graph.offsets[from + 1]!; at += 1) {
    if (graph.targets[at] === to) return true;
  }
  return false;
}

/** The first successor of `node` that `accept`s, in edge order. */
function successorIn(graph: Adjacency, node: number, accept: (next: number) => boolean): number {
  for (let at = graph.offsets[node]!; at < graph.offsets[node + 1]!; at += 1) {
    if (accept(graph.targets[at]!)) return graph.targets[at]!;
  }
  throw new Error(`Node ${node} has no successor in its knot`);
}
