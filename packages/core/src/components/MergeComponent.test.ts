import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { MergeComponent } from './MergeComponent';

describe('MergeComponent', () => {
  it('outputs the output of each delivering step by step id', async () => {
    const inputs = { fetch_user: { id: 1 }, fetch_orders: { count: 3 } };
    const result = await new MergeComponent().execute(createTestContext({ inputs }));
    expect(result).toEqual({ success: true, output_data: inputs });
    expect(result.output_data).not.toBe(inputs);
  });

  it('outputs an empty object when nothing delivered', async () => {
    const result = await new MergeComponent().execute(createTestContext());
    expect(result.output_data).toEqual({});
  });
});

describe('MergeComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [MergeComponent] });

  it('accepts no parameters', () => {
    expect(registry.validateParameters('merge', {})).toEqual([]);
  });

  it('rejects an unknown parameter', () => {
    expect(registry.validateParameters('merge', { mode: 'all' })).toMatchObject([
      { parameter: 'mode', code: 'UNKNOWN_PARAMETER' },
    ]);
  });
});
