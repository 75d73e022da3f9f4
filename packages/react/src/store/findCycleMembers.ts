/** The nodes and edges that lie on a cycle of a graph. */
export interface CycleMembers {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
  /** Each cycle's nodes (a strongly connected component, or a node with a self-loop). */
  cycles: string[][];
}

type GraphEdge = { id: string; source: string; target: string };

/**
 * Finds every node and edge on a cycle: the strongly connected components of more than one
 * node (and self-loops), by Tarjan's algorithm without recursion, so 10,000 nodes in a chain
 * cannot overflow the stack. Linear in nodes and edges.
 */
export function findCycleMembers(
  nodeIds: readonly string[],
  edges: readonly GraphEdge[],
): CycleMembers {
  const index = new Map(nodeIds.map((id, at) => [id, at]));
  const successors: number[][] = nodeIds.map(() => []);
  for (const edge of edges) {
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from !== undefined && to !== undefined) successors[from]!.push(to);
  }
  const component = strongComponents(successors);
  const sizes = new Map<number, number>();
  for (const id of component) sizes.set(id, (sizes.get(id) ?? 0) + 1);

  const members: CycleMembers = { nodeIds: new Set(), edgeIds: new Set(), cycles: [] };
  const cycleOf = new Map<number, string[]>();
  const join = (at: number) => {
    const id = nodeIds[at]!;
    if (members.nodeIds.has(id)) return;
    members.nodeIds.add(id);
    const key = component[at]!;
    const cycle = cycleOf.get(key);
    if (cycle) cycle.push(id);
    else {
      const fresh = [id];
      cycleOf.set(key, fresh);
      members.cycles.push(fresh);
    }
  };
  for (const edge of edges) {
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from === undefined || to === undefined) continue;
    const sameComponent = component[from] === component[to];
    if (from === to || (sameComponent && (sizes.get(component[from]!) ?? 0) > 1)) {
      members.edgeIds.add(edge.id);
      join(from);
      join(to);
    }
  }
  return members;
}

/** Tarjan's strongly connected components, iteratively: the component number of each node. */
function strongComponents(successors: readonly number[][]): number[] {
  const count = successors.length;
  const order = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const component = new Array<number>(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1) continue;
    // Each frame: a node and the index of the next successor to visit.
    const frames: Array<[number, number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [node, next] = frame;
      const list = successors[node]!;
      if (next < list.length) {
        frame[1] = next + 1;
        const to = list[next]!;
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = 1;
          frames.push([to, 0]);
        } else if (onStack[to]) {
          low[node] = Math.min(low[node]!, order[to]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === order[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component[member] = components;
        } while (member !== node);
        components += 1;
      }
    }
  }
  return component;
}
