import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceedsJsonDepth';

describe('exceedsJsonDepth', () => {
  it('accepts scalars and nesting up to the limit', () => {
    expect(exceedsJsonDepth('1', 0)).toBe(false);
    expect(exceedsJsonDepth('[{"a":[1]}]', 3)).toBe(false);
  });

  it('refuses nesting one past the limit', () => {
    expect(exceedsJsonDepth('[{"a":[1]}]', 2)).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    expect(exceedsJsonDepth('[[1],[2],{"a":1}]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth('["[[[", "\\"[[[", "{{"]', 1)).toBe(false);
  });

  it('reads very deep text without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(exceedsJsonDepth(deep, 1000)).toBe(true);
  });
});
