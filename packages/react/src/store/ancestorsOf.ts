/**
 * The ids of the steps that run before `nodeId` on some path (its ancestors), nearest first:
 * the only steps an expression in it can read with `steps.<id>`.
 */
export function ancestorsOf(
  edges: ReadonlyArray<{ source: string; target: string }>,
  nodeId: string,
): string[] {
  const predecessors = new Map<string, string[]>();
  for (const edge of edges) {
    const list = predecessors.get(edge.target);
    if (list) list.push(edge.source);
    else predecessors.set(edge.target, [edge.source]);
  }
  const seen = new Set([nodeId]);
  const found: string[] = [];
  for (let head = 0, queue = [nodeId]; head < queue.length; head += 1) {
    for (const previous of predecessors.get(queue[head]!) ?? []) {
      if (seen.has(previous)) continue;
      seen.add(previous);
      found.push(previous);
      queue.push(previous);
    }
  }
  return found;
}
