import { describe, expect, it } from 'vitest';
import { ExecutionResultSchema } from './executionResult';

describe('ExecutionResultSchema', () => {
  it('defaults output_data to an empty object', () => {
    expect(ExecutionResultSchema.parse({ success: true })).toEqual({
      success: true,
      output_data: {},
    });
  });

  it('accepts an error as a string or as { code, message }', () => {
    expect(ExecutionResultSchema.safeParse({ success: false, error: 'boom' }).success).toBe(true);
    expect(
      ExecutionResultSchema.safeParse({ success: false, error: { code: 'X', message: 'boom' } })
        .success,
    ).toBe(true);
  });

  it('accepts one output handle or several', () => {
    expect(
      ExecutionResultSchema.parse({ success: true, output_handle: 'true' }).output_handle,
    ).toBe('true');
    expect(
      ExecutionResultSchema.parse({ success: true, output_handle: ['a', 'b'] }).output_handle,
    ).toEqual(['a', 'b']);
  });

  it('rejects a result without success', () => {
    expect(
      ExecutionResultSchema.safeParse({ output_data: {} }).error?.issues.map((i) =>
        i.path.join('.'),
      ),
    ).toEqual(['success']);
  });

  it('rejects output_data that is not an object', () => {
    expect(
      ExecutionResultSchema.safeParse({ success: true, output_data: [1] }).error?.issues.map((i) =>
        i.path.join('.'),
      ),
    ).toEqual(['output_data']);
  });

  it('rejects an error object without a message', () => {
    expect(ExecutionResultSchema.safeParse({ success: false, error: { code: 'X' } }).success).toBe(
      false,
    );
  });
});
