/**
 * Whether `to` can be reached from `from` by following edges forward; a node reaches itself.
 * Linear in the edges. Used to refuse a connection that would close a cycle: `source → target`
 * closes one exactly when `target` already reaches `source`.
 */
export function isReachable(
  edges: ReadonlyArray<{ source: string; target: string }>,
  from: string,
  to: string,
): boolean {
  if (from === to) return true;
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    const list = successors.get(edge.source);
    if (list) list.push(edge.target);
    else successors.set(edge.source, [edge.target]);
  }
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop()!) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
