import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { LogComponent } from './LogComponent';

describe('LogComponent', () => {
  it('writes the message at the chosen level', async () => {
    const context = createTestContext({
      input_data: { message: 'Order 7 received', level: 'warn' },
    });
    await new LogComponent().execute(context);
    expect(context.logs).toEqual([{ level: 'warn', message: 'Order 7 received' }]);
  });

  it('passes an object input on', async () => {
    const context = createTestContext({
      input_data: { message: 'm', level: 'info' },
      input: { id: 7 },
    });
    expect(await new LogComponent().execute(context)).toEqual({
      success: true,
      output_data: { id: 7 },
    });
  });

  it('wraps any other input in { value }', async () => {
    const context = createTestContext({
      input_data: { message: 'm', level: 'info' },
      input: 'text',
    });
    expect((await new LogComponent().execute(context)).output_data).toEqual({ value: 'text' });
  });
});

describe('LogComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [LogComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('log', values, { allowExpressions: false });

  it('defaults the level to info', () => {
    expect(registry.resolve('log').parameters.defaults).toEqual({ level: 'info' });
  });

  it('accepts a message at every level', () => {
    for (const level of ['debug', 'info', 'warn', 'error'])
      expect(validate({ message: 'hi', level })).toEqual([]);
  });

  it('requires a message', () => {
    expect(validate({ message: '' })).toMatchObject([
      { parameter: 'message', code: 'MISSING_REQUIRED_PARAMETER' },
    ]);
  });

  it('rejects an unknown level', () => {
    expect(validate({ message: 'hi', level: 'fatal' })).toMatchObject([
      { parameter: 'level', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it('rejects a message that is not a string', () => {
    expect(validate({ message: { text: 'hi' } })).toMatchObject([
      { parameter: 'message', code: 'INVALID_PARAMETER_TYPE' },
    ]);
  });
});
