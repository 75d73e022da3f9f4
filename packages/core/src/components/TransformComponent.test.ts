import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { TransformComponent } from './TransformComponent';

describe('TransformComponent', () => {
  it('outputs the resolved mapping', async () => {
    const mapping = { full_name: 'Ada Lovelace', tags: ['x'], total: 12.5 };
    const result = await new TransformComponent().execute(
      createTestContext({ input_data: { mapping } }),
    );
    expect(result).toEqual({ success: true, output_data: mapping });
  });

  it('throws INVALID_PARAMETERS when the mapping resolved to a non-object', async () => {
    const context = createTestContext({ input_data: { mapping: [1, 2] } });
    await expect(new TransformComponent().execute(context)).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
      message: 'Mapping must resolve to a JSON object, got an array',
    });
  });
});

describe('TransformComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [TransformComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('transform', values, { allowExpressions: false });

  it('accepts an object mapping', () => {
    expect(validate({ mapping: { a: 1, b: { c: 'd' } } })).toEqual([]);
    expect(validate({ mapping: {} })).toEqual([]);
  });

  it('accepts a mapping whose values are expressions at design time', () => {
    expect(
      registry.validateParameters('transform', { mapping: { name: '{{ input.name }}' } }),
    ).toEqual([]);
  });

  it('requires a mapping', () => {
    expect(validate({})).toMatchObject([
      { parameter: 'mapping', code: 'MISSING_REQUIRED_PARAMETER' },
    ]);
  });

  it.each([
    [[1, 2], 'an array'],
    ['text', 'a string'],
    [42, 'a number'],
  ])('rejects the mapping %j', (mapping, type) => {
    expect(validate({ mapping })).toEqual([
      {
        parameter: 'mapping',
        code: 'INVALID_PARAMETER_VALUE',
        message: `Mapping must be a JSON object, got ${type}`,
      },
    ]);
  });
});
