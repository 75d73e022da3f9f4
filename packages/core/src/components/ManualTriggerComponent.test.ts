import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { ManualTriggerComponent } from './ManualTriggerComponent';

describe('ManualTriggerComponent', () => {
  it('outputs the run input', async () => {
    const context = createTestContext({ run_input: { order_id: 7, items: ['a'] } });
    const result = await new ManualTriggerComponent().execute(context);
    expect(result).toEqual({ success: true, output_data: { order_id: 7, items: ['a'] } });
  });

  it('outputs an empty object when the run has no input', async () => {
    const result = await new ManualTriggerComponent().execute(createTestContext());
    expect(result.output_data).toEqual({});
  });

  it('does not hand out the run input object itself', async () => {
    const run_input = { a: 1 };
    const result = await new ManualTriggerComponent().execute(createTestContext({ run_input }));
    expect(result.output_data).not.toBe(run_input);
  });
});

describe('ManualTriggerComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [ManualTriggerComponent] });

  it('registers as a trigger with no input handle', () => {
    expect(registry.resolve('manual_trigger').isTrigger).toBe(true);
    expect(registry.getComponent('manual_trigger')?.input_handles).toEqual([]);
  });

  it('accepts no parameters', () => {
    expect(registry.validateParameters('manual_trigger', {})).toEqual([]);
    expect(registry.validateParameters('manual_trigger', undefined)).toEqual([]);
  });

  it('rejects an unknown parameter', () => {
    expect(registry.validateParameters('manual_trigger', { foo: 1 })).toMatchObject([
      { parameter: 'foo', code: 'UNKNOWN_PARAMETER' },
    ]);
  });
});
