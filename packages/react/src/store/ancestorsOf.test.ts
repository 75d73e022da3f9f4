import { describe, expect, it } from 'vitest';
import { ancestorsOf } from './ancestorsOf';

describe('ancestorsOf', () => {
  it('lists the steps before a node on every path, nearest first, not those after or beside it', () => {
    const edges = [
      { source: 't', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 't', target: 'side' },
      { source: 'b', target: 'after' },
      { source: 'x', target: 'b' },
    ];
    expect(ancestorsOf(edges, 'b')).toEqual(['a', 'x', 't']);
  });

  it('stops on a cycle', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
    ];
    expect(ancestorsOf(edges, 'a')).toEqual(['b']);
  });
});
