import { describe, expect, it } from 'vitest';
import { passThroughInput } from './passThroughInput';

describe('passThroughInput', () => {
  it('copies a plain object input', () => {
    const input = { a: 1 };
    const output = passThroughInput(input);
    expect(output).toEqual({ a: 1 });
    expect(output).not.toBe(input);
  });

  it('wraps any other input in { value }', () => {
    expect(passThroughInput([1, 2])).toEqual({ value: [1, 2] });
    expect(passThroughInput('text')).toEqual({ value: 'text' });
    expect(passThroughInput(undefined)).toEqual({ value: undefined });
  });
});
