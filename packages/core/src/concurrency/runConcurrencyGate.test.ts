import { describe, expect, it } from 'vitest';
import { concurrencyKeysOf, hasConcurrencyLimits } from './runConcurrencyGate';

describe('concurrencyKeysOf', () => {
  it("counts a run against its instance's tenant and saved workflow", () => {
    expect(
      concurrencyKeysOf({ tenant_id: 't1', workflow_id: 'w1', parent_instance_id: null }),
    ).toEqual({ tenant_id: 't1', workflow_id: 'w1' });
    expect(
      concurrencyKeysOf({ tenant_id: null, workflow_id: 'w1', parent_instance_id: null }),
    ).toEqual({ workflow_id: 'w1' });
  });

  it('counts a sub-workflow run against nothing: it runs within its parent slot', () => {
    expect(
      concurrencyKeysOf({ tenant_id: 't1', workflow_id: 'w1', parent_instance_id: 'parent' }),
    ).toBeUndefined();
  });

  it('counts an instance with neither tenant nor saved workflow against nothing', () => {
    expect(
      concurrencyKeysOf({ tenant_id: null, workflow_id: null, parent_instance_id: null }),
    ).toBeUndefined();
  });
});

describe('hasConcurrencyLimits', () => {
  it('is false while both limits are unlimited', () => {
    expect(hasConcurrencyLimits({})).toBe(false);
    expect(hasConcurrencyLimits({ maxConcurrentRunsPerWorkflow: 3 })).toBe(true);
  });
});
