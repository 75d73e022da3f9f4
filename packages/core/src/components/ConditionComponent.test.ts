import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { ConditionComponent } from './ConditionComponent';

function run(input_data: Record<string, unknown>) {
  return new ConditionComponent().execute(createTestContext({ input_data }));
}

describe('ConditionComponent', () => {
  it('follows the true handle when the comparison holds', async () => {
    const result = await run({ left: 'paid', operator: 'equals', right: 'paid' });
    expect(result).toEqual({
      success: true,
      output_data: { result: true, left: 'paid', operator: 'equals', right: 'paid' },
      output_handle: 'true',
    });
  });

  it('follows the false handle when the comparison fails', async () => {
    const result = await run({ left: 3, operator: 'gt', right: '10' });
    expect(result.output_handle).toBe('false');
    expect(result.output_data).toMatchObject({ result: false });
  });

  it('tests a value that resolved to nothing with exists', async () => {
    const result = await run({ operator: 'exists' });
    expect(result.output_handle).toBe('false');
    expect(result.output_data).toEqual({
      result: false,
      left: undefined,
      operator: 'exists',
      right: undefined,
    });
  });

  it('applies contains to arrays', async () => {
    const result = await run({ left: ['a', 'b'], operator: 'contains', right: 'b' });
    expect(result.output_handle).toBe('true');
  });
});

describe('ConditionComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [ConditionComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('condition', values, { allowExpressions: false });

  it('declares true and false output handles', () => {
    expect(registry.getComponent('condition')?.output_handles.map((h) => [h.id, h.label])).toEqual([
      ['true', 'True'],
      ['false', 'False'],
    ]);
  });

  it('defaults the operator to equals', () => {
    expect(registry.resolve('condition').parameters.defaults).toEqual({ operator: 'equals' });
  });

  it('accepts values of any type', () => {
    expect(validate({ left: { a: 1 }, operator: 'contains', right: 'a' })).toEqual([]);
    expect(validate({ left: 1, right: [1] })).toEqual([]);
  });

  it('accepts no values at all, for exists on a missing value', () => {
    expect(validate({ operator: 'exists' })).toEqual([]);
  });

  it('rejects an unknown operator', () => {
    expect(validate({ left: 1, operator: 'between', right: 2 })).toMatchObject([
      { parameter: 'operator', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it('rejects an unknown parameter', () => {
    expect(validate({ left: 1, value: 2 })).toMatchObject([
      { parameter: 'value', code: 'UNKNOWN_PARAMETER' },
    ]);
  });
});
