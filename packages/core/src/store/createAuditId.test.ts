import { describe, expect, it } from 'vitest';
import { createAuditId } from './createAuditId';

describe('createAuditId', () => {
  it('sorts ids made in one millisecond in the order they were made', () => {
    const ids = Array.from({ length: 50 }, () => createAuditId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it('sorts a later millisecond after an earlier one, and keeps counting when the clock steps back', () => {
    const first = createAuditId(1_900_000_000_000);
    const later = createAuditId(1_900_000_000_001);
    const stepBack = createAuditId(1_899_999_999_999);
    expect(first < later).toBe(true);
    expect(later < stepBack).toBe(true);
  });

  it('looks like every other id: a prefix and lowercase hex', () => {
    expect(createAuditId()).toMatch(/^audit_[0-9a-f]{32}$/);
  });
});
