import { describe, expectTypeOf, it } from 'vitest';
import type { ParameterValues } from '../registry/parameterValues';
import { declareParameters } from './declareParameters';

describe('declareParameters', () => {
  it('keeps the literal types ParameterValues needs', () => {
    const parameters = declareParameters([
      { name: 'url', label: 'URL', type: 'string', required: true },
      { name: 'method', label: 'Method', type: 'select', options: ['GET', 'POST'], default: 'GET' },
      { name: 'body', label: 'Body', type: 'json' },
    ]);
    expectTypeOf<ParameterValues<typeof parameters>>().toEqualTypeOf<{
      url: string;
      method: 'GET' | 'POST';
      body?: unknown;
    }>();
  });
});
