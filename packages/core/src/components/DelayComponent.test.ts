import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { DelayComponent } from './DelayComponent';

describe('DelayComponent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves only once the delay has passed', async () => {
    const pending = new DelayComponent().execute(
      createTestContext({ input_data: { ms: 1000 }, input: { a: 1 } }),
    );
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(await pending).toEqual({ success: true, output_data: { a: 1 } });
  });

  it('wraps an input that is not an object in { value }', async () => {
    const pending = new DelayComponent().execute(
      createTestContext({ input_data: { ms: 0 }, input: [1, 2] }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(await pending).toEqual({ success: true, output_data: { value: [1, 2] } });
  });

  it('rejects with the abort reason as soon as the run is stopped, clearing its timer', async () => {
    const controller = new AbortController();
    const pending = new DelayComponent().execute(
      createTestContext({ input_data: { ms: 60_000 }, signal: controller.signal }),
    );
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('stopped');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the run is already stopped', async () => {
    const signal = AbortSignal.abort(new Error('already stopped'));
    const pending = new DelayComponent().execute(
      createTestContext({ input_data: { ms: 1000 }, signal }),
    );
    await expect(pending).rejects.toThrow('already stopped');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('DelayComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [DelayComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('delay', values, { allowExpressions: false });

  it('accepts whole milliseconds from 0 to 24 hours', () => {
    expect(validate({ ms: 0 })).toEqual([]);
    expect(validate({ ms: 86_400_000 })).toEqual([]);
  });

  it('requires ms', () => {
    expect(validate({})).toMatchObject([{ parameter: 'ms', code: 'MISSING_REQUIRED_PARAMETER' }]);
  });

  it.each([
    [-1, 'INVALID_PARAMETER_VALUE'],
    [86_400_001, 'INVALID_PARAMETER_VALUE'],
    [1.5, 'INVALID_PARAMETER_VALUE'],
    ['1000', 'INVALID_PARAMETER_TYPE'],
  ])('rejects ms = %j', (ms, code) => {
    expect(validate({ ms })).toMatchObject([{ parameter: 'ms', code }]);
  });
});
