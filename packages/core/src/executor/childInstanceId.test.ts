import { describe, expect, it } from 'vitest';
import { childInstanceId } from './childInstanceId';

describe('childInstanceId', () => {
  it('names the same child for the same step attempt and item', () => {
    expect(childInstanceId('inst_a:step:1', 3)).toBe(childInstanceId('inst_a:step:1', 3));
  });

  it('names another child for another item, attempt or parent', () => {
    const ids = new Set([
      childInstanceId('inst_a:step:1', 0),
      childInstanceId('inst_a:step:1', 1),
      childInstanceId('inst_a:step:2', 0),
      childInstanceId('inst_b:step:1', 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it('has the form of a created instance id, whatever the step id holds', () => {
    expect(childInstanceId('inst_a:ünïcode/../step?x=1:1', 0)).toMatch(/^inst_[0-9a-f]{32}$/);
  });
});
