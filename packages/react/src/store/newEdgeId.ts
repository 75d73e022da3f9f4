/** An edge id for a connection, made unique against `taken` (and added to it). */
export function newEdgeId(
  edge: {
    source: string;
    sourceHandle: string | null;
    target: string;
    targetHandle: string | null;
  },
  taken: Set<string>,
): string {
  const base = `e_${edge.source}.${edge.sourceHandle ?? ''}-${edge.target}.${edge.targetHandle ?? ''}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
  taken.add(id);
  return id;
}
