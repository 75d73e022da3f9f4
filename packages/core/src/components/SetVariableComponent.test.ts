import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { SetVariableComponent } from './SetVariableComponent';

function run(input_data: Record<string, unknown>) {
  return new SetVariableComponent().execute(createTestContext({ input_data }));
}

describe('SetVariableComponent', () => {
  it('sets the variable and outputs its name and value', async () => {
    const result = await run({ name: 'total', value: { amount: 12 } });
    expect(result).toEqual({
      success: true,
      output_data: { name: 'total', value: { amount: 12 } },
      set_variables: { total: { amount: 12 } },
    });
  });

  it('sets the variable to null when no value is given', async () => {
    const result = await run({ name: 'cleared' });
    expect(result.set_variables).toEqual({ cleared: null });
  });

  it('throws INVALID_PARAMETERS for a name that resolved to a non-identifier', async () => {
    await expect(run({ name: 'my var', value: 1 })).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
    });
  });
});

describe('SetVariableComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [SetVariableComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('set_variable', values, { allowExpressions: false });

  it('accepts identifier names', () => {
    for (const name of ['total', '_private', 'item2', 'CamelCase']) {
      expect(validate({ name, value: 1 })).toEqual([]);
    }
  });

  it('requires a name', () => {
    expect(validate({ value: 1 })).toMatchObject([
      { parameter: 'name', code: 'MISSING_REQUIRED_PARAMETER' },
    ]);
  });

  it.each(['2fast', 'my-var', 'my var', 'a.b', 'é'])('rejects the name %j', (name) => {
    expect(validate({ name })).toMatchObject([
      {
        parameter: 'name',
        code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringMatching(/must start with/),
      },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the reserved name %s', (name) => {
    expect(validate({ name })).toMatchObject([
      { parameter: 'name', message: expect.stringMatching(/reserved/) },
    ]);
  });

  it('rejects a name that is not a string', () => {
    expect(validate({ name: 5 })).toMatchObject([
      { parameter: 'name', code: 'INVALID_PARAMETER_TYPE' },
    ]);
  });
});
