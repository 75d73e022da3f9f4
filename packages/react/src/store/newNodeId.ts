/**
 * A node id not in `taken`: `${componentType}_${n}` with the smallest `n` from 1.
 *
 * @remarks Adds the id to `taken`, so a loop making several ids gets distinct ones.
 */
export function newNodeId(componentType: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${componentType}_${n}`)) n += 1;
  const id = `${componentType}_${n}`;
  taken.add(id);
  return id;
}
