import { describe, expect, it } from 'vitest';
import { findCycleMembers } from './findCycleMembers';

const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('findCycleMembers', () => {
  it('finds nothing in a graph without cycles', () => {
    const found = findCycleMembers(
      ['a', 'b', 'c'],
      [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')],
    );
    expect(found.nodeIds.size).toBe(0);
    expect(found.edgeIds.size).toBe(0);
  });

  it('marks the nodes and edges of a cycle, not the edges into or out of it', () => {
    const found = findCycleMembers(
      ['t', 'a', 'b', 'c', 'out'],
      [edge('t', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'out')],
    );
    expect([...found.nodeIds].sort()).toEqual(['a', 'b', 'c']);
    expect([...found.edgeIds].sort()).toEqual(['a-b', 'b-c', 'c-a']);
    expect(found.cycles).toHaveLength(1);
  });

  it('marks a self-loop', () => {
    const found = findCycleMembers(['a'], [edge('a', 'a')]);
    expect([...found.nodeIds]).toEqual(['a']);
    expect([...found.edgeIds]).toEqual(['a-a']);
  });

  it('tells two separate cycles apart', () => {
    const found = findCycleMembers(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('b', 'a'), edge('c', 'd'), edge('d', 'c')],
    );
    expect(found.cycles.map((cycle) => cycle.sort())).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('walks a 20,000-node chain closed into a loop without overflowing the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, at) => `n${at}`);
    const edges = ids.map((id, at) => edge(id, ids[(at + 1) % ids.length]!));
    expect(findCycleMembers(ids, edges).nodeIds.size).toBe(20_000);
  });

  it('ignores edges to nodes that are not there', () => {
    expect(findCycleMembers(['a'], [edge('a', 'ghost'), edge('ghost', 'a')]).edgeIds.size).toBe(0);
  });
});
