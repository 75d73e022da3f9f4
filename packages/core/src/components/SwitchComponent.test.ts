import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { SwitchComponent } from './SwitchComponent';

function run(input_data: Record<string, unknown>) {
  return new SwitchComponent().execute(createTestContext({ input_data }));
}

describe('SwitchComponent', () => {
  it('follows the matching case', async () => {
    const result = await run({ value: 'b', case_1: 'a', case_2: 'b', case_3: 'c' });
    expect(result).toEqual({
      success: true,
      output_data: { value: 'b', matched: 'case_2' },
      output_handle: 'case_2',
    });
  });

  it('follows the first match when several cases match', async () => {
    const result = await run({ value: 1, case_1: 2, case_2: '1', case_3: 1 });
    expect(result.output_handle).toBe('case_2');
  });

  it('matches objects deeply', async () => {
    const result = await run({ value: { a: [1] }, case_4: { a: [1] } });
    expect(result.output_handle).toBe('case_4');
  });

  it('follows default when no case matches', async () => {
    const result = await run({ value: 'z', case_1: 'a', case_2: 'b' });
    expect(result).toEqual({
      success: true,
      output_data: { value: 'z', matched: 'default' },
      output_handle: 'default',
    });
  });

  it('skips empty cases', async () => {
    const result = await run({ value: 0, case_1: '', case_2: null, case_3: 0 });
    expect(result.output_handle).toBe('case_3');
  });
});

describe('SwitchComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [SwitchComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('switch', values, { allowExpressions: false });

  it('declares four case handles and a default handle', () => {
    expect(registry.getComponent('switch')?.output_handles.map((h) => h.id)).toEqual([
      'case_1',
      'case_2',
      'case_3',
      'case_4',
      'default',
    ]);
  });

  it('accepts a value with some cases', () => {
    expect(validate({ value: 'x', case_1: 'x', case_3: 3 })).toEqual([]);
  });

  it('requires a value', () => {
    expect(validate({ case_1: 'a' })).toMatchObject([
      { parameter: 'value', code: 'MISSING_REQUIRED_PARAMETER' },
    ]);
  });

  it('rejects a fifth case', () => {
    expect(validate({ value: 1, case_5: 1 })).toMatchObject([
      { parameter: 'case_5', code: 'UNKNOWN_PARAMETER' },
    ]);
  });
});
