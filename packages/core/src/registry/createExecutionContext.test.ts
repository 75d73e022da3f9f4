import { describe, expect, it } from 'vitest';
import { createExecutionContext } from './createExecutionContext';

const six = {
  workflow_id: 'test_workflow',
  instance_id: 'test_instance',
  step_id: 'test_step',
  input_data: { url: 'https://api.example.com/test', method: 'GET' },
  previous_outputs: {},
  global_variables: {},
};

describe('createExecutionContext', () => {
  it('completes the seed six fields with a never-aborted signal, inputs and an idempotency key', () => {
    const context = createExecutionContext(six);
    expect(context).toMatchObject({
      ...six,
      run_input: {},
      inputs: {},
      input: {},
      idempotency_key: 'test_instance:test_step:1',
    });
    expect(context.signal.aborted).toBe(false);
    expect(context.fetch).toBeUndefined();
  });

  it('collects what the logger writes into logs', () => {
    const context = createExecutionContext(six);
    context.logger.info('hello', { n: 1 });
    context.logger.warn('careful');
    expect(context.logs).toEqual([
      { level: 'info', message: 'hello', data: { n: 1 } },
      { level: 'warn', message: 'careful' },
    ]);
  });

  it('keeps the fields it is given', () => {
    const controller = new AbortController();
    const context = createExecutionContext({
      ...six,
      signal: controller.signal,
      run_input: { a: 1 },
      idempotency_key: 'k',
    });
    expect(context.signal).toBe(controller.signal);
    expect(context.input).toEqual({ a: 1 });
    expect(context.idempotency_key).toBe('k');
  });
});
