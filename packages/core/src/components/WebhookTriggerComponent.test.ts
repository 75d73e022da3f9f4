import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { WebhookTriggerComponent } from './WebhookTriggerComponent';

describe('WebhookTriggerComponent', () => {
  it('outputs the run input', async () => {
    const context = createTestContext({
      input_data: { path: '/hooks/order', method: 'POST' },
      run_input: { body: { id: 1 }, headers: { 'x-signature': 'abc' } },
    });
    const result = await new WebhookTriggerComponent().execute(context);
    expect(result).toEqual({
      success: true,
      output_data: { body: { id: 1 }, headers: { 'x-signature': 'abc' } },
    });
  });
});

describe('WebhookTriggerComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [WebhookTriggerComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('webhook_trigger', values, { allowExpressions: false });

  it('registers as a trigger with no input handle', () => {
    expect(registry.resolve('webhook_trigger').isTrigger).toBe(true);
    expect(registry.getComponent('webhook_trigger')?.input_handles).toEqual([]);
  });

  it('defaults the method to POST', () => {
    expect(registry.resolve('webhook_trigger').parameters.defaults).toEqual({ method: 'POST' });
  });

  it('accepts a path with any method', () => {
    expect(validate({ path: '/orders/created' })).toEqual([]);
    expect(validate({ path: '/', method: 'DELETE' })).toEqual([]);
  });

  it('requires a path', () => {
    expect(validate({})).toMatchObject([{ parameter: 'path', code: 'MISSING_REQUIRED_PARAMETER' }]);
  });

  it('rejects a path without a leading slash', () => {
    expect(validate({ path: 'orders' })).toEqual([
      { parameter: 'path', code: 'INVALID_PARAMETER_VALUE', message: 'Path must start with "/"' },
    ]);
  });

  it.each(['/a b', '/a?x=1', '/a#top'])('rejects the path %s', (path) => {
    expect(validate({ path })).toMatchObject([
      { parameter: 'path', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it('rejects a path that is not a string', () => {
    expect(validate({ path: 42 })).toMatchObject([
      { parameter: 'path', code: 'INVALID_PARAMETER_TYPE' },
    ]);
  });

  it('rejects an unsupported method', () => {
    expect(validate({ path: '/x', method: 'HEAD' })).toMatchObject([
      { parameter: 'method', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });
});
