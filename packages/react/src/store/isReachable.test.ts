import { describe, expect, it } from 'vitest';
import { isReachable } from './isReachable';

const edges = [
  { source: 'a', target: 'b' },
  { source: 'a', target: 'c' },
  { source: 'b', target: 'd' },
  { source: 'c', target: 'd' },
  { source: 'x', target: 'a' },
];

describe('isReachable', () => {
  it('follows edges forward through a diamond', () => {
    expect(isReachable(edges, 'x', 'd')).toBe(true);
    expect(isReachable(edges, 'a', 'd')).toBe(true);
  });

  it('does not follow edges backward or across branches', () => {
    expect(isReachable(edges, 'd', 'a')).toBe(false);
    expect(isReachable(edges, 'b', 'c')).toBe(false);
  });

  it('counts a node as reaching itself', () => {
    expect(isReachable([], 'a', 'a')).toBe(true);
  });

  it('handles a 10,000-node chain without recursion', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => ({
      source: `n${i}`,
      target: `n${i + 1}`,
    }));
    expect(isReachable(chain, 'n0', 'n10000')).toBe(true);
    expect(isReachable(chain, 'n10000', 'n0')).toBe(false);
  });
});
