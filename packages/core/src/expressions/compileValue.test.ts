import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { compileValue } from './compileValue';
import type { ExpressionScope } from './evaluatePath';

const scope: ExpressionScope = {
  steps: { fetch: { status: 200, body: { user: { name: 'Ada' } }, list: [1, 2] } },
  input: { count: 3, name: 'Bob', flag: false, nothing: null },
  vars: { greeting: 'Hello' },
};

describe('compileValue', () => {
  it('keeps the type of a value that is exactly one expression: number', () => {
    const compiled = compileValue('{{ input.count }}');
    expect(compiled.dynamic).toBe(true);
    expect(compiled.evaluate(scope)).toBe(3);
  });

  it('keeps the type of a value that is exactly one expression: object', () => {
    expect(compileValue('{{ steps.fetch.body }}').evaluate(scope)).toEqual({
      user: { name: 'Ada' },
    });
  });

  it('keeps booleans, null and arrays', () => {
    expect(compileValue('{{ input.flag }}').evaluate(scope)).toBe(false);
    expect(compileValue('{{ input.nothing }}').evaluate(scope)).toBeNull();
    expect(compileValue('{{ steps.fetch.list }}').evaluate(scope)).toEqual([1, 2]);
  });

  it('returns undefined for a single expression whose last key is missing', () => {
    expect(compileValue('{{ input.missing }}').evaluate(scope)).toBeUndefined();
  });

  it('interpolates mixed text into a string', () => {
    expect(compileValue('{{ vars.greeting }}, {{ input.name }}!').evaluate(scope)).toBe(
      'Hello, Bob!',
    );
  });

  it('interpolates numbers, booleans and null as text', () => {
    expect(
      compileValue('n={{ input.count }} f={{ input.flag }} z={{ input.nothing }}').evaluate(scope),
    ).toBe('n=3 f=false z=null');
  });

  it('interpolates objects and arrays as JSON', () => {
    expect(compileValue('body: {{ steps.fetch.body }}').evaluate(scope)).toBe(
      'body: {"user":{"name":"Ada"}}',
    );
    expect(compileValue('list: {{ steps.fetch.list }}').evaluate(scope)).toBe('list: [1,2]');
  });

  it('interpolates undefined as empty text', () => {
    expect(compileValue('[{{ input.missing }}]').evaluate(scope)).toBe('[]');
  });

  it('resolves expressions nested in objects and arrays', () => {
    const compiled = compileValue({
      status: '{{ steps.fetch.status }}',
      fixed: 1,
      user: { name: '{{ steps.fetch.body.user.name }}', tags: ['a', '{{ input.name }}'] },
      list: [{ n: '{{ input.count }}' }],
    });
    expect(compiled.dynamic).toBe(true);
    expect(compiled.evaluate(scope)).toEqual({
      status: 200,
      fixed: 1,
      user: { name: 'Ada', tags: ['a', 'Bob'] },
      list: [{ n: 3 }],
    });
  });

  it('collects every path, nested ones included', () => {
    const compiled = compileValue({ a: '{{ input.a }} {{ vars.b }}', b: ['{{ steps.c.d }}'] });
    expect(compiled.paths.map((path) => path.source)).toEqual(['input.a', 'vars.b', 'steps.c.d']);
  });

  it('returns values without expressions unchanged and marks them static', () => {
    const value = { a: 'plain', b: [1, { c: true }] };
    const compiled = compileValue(value);
    expect(compiled.dynamic).toBe(false);
    expect(compiled.paths).toEqual([]);
    expect(compiled.evaluate(scope)).toBe(value);
  });

  it('returns primitives unchanged', () => {
    for (const value of [1, true, null, undefined, 'text']) {
      const compiled = compileValue(value);
      expect(compiled.dynamic).toBe(false);
      expect(compiled.evaluate(scope)).toBe(value);
    }
  });

  it('does not change the value it compiled', () => {
    const value = { a: '{{ input.count }}' };
    compileValue(value).evaluate(scope);
    expect(value).toEqual({ a: '{{ input.count }}' });
  });

  it('builds a fresh result on every evaluation', () => {
    const compiled = compileValue({ a: '{{ input.count }}' });
    const first = compiled.evaluate(scope);
    expect(compiled.evaluate(scope)).not.toBe(first);
  });

  it('keeps a key named __proto__ as an own key of the result', () => {
    const value = JSON.parse('{"__proto__": "{{ input.name }}", "x": 1}') as unknown;
    const result = compileValue(value).evaluate(scope) as Record<string, unknown>;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.x).toBe(1);
  });

  it('throws EXPRESSION_ERROR at compile time for a malformed expression', () => {
    expect(() => compileValue({ a: ['{{ input.a'] })).toThrowError(FlowloomError);
    expect(() => compileValue('{{ nope.a }}')).toThrowError(/must start with steps\./);
  });

  it('refuses an expression longer than maxExpressionLength anywhere in the value', () => {
    const value = { a: ['ok', { b: 'x {{ input.abcdef }}' }] };
    expect(() => compileValue(value, { maxExpressionLength: 10 })).toThrowError(
      'Expression "{{ input.abcdef }}" is longer than 10 characters',
    );
    expect(compileValue(value, { maxExpressionLength: 20 }).dynamic).toBe(true);
  });

  it('refuses an expression longer than 10,000 characters by default', () => {
    expect(() => compileValue({ a: `{{ input.${'a'.repeat(10_000)} }}` })).toThrowError(
      /is longer than 10000 characters/,
    );
  });

  it('throws EXPRESSION_ERROR at evaluation for a bad path', () => {
    const compiled = compileValue('{{ steps.ghost.x }}');
    expect(() => compiled.evaluate(scope)).toThrowError('refers to unknown step "ghost"');
  });
});

describe('compileValue: a template that grows too large', () => {
  it('stops with OUTPUT_TOO_LARGE as soon as the text passes maxResultLength', () => {
    const compiled = compileValue('{{ steps.a.v }}{{ steps.a.v }}{{ steps.a.v }}', {
      maxResultLength: 250,
    });
    const scope = { steps: { a: { v: 'x'.repeat(100) } }, input: {}, vars: {} };
    expect(() => compiled.evaluate(scope)).toThrow(
      expect.objectContaining({ code: 'OUTPUT_TOO_LARGE' }),
    );
    expect(
      compileValue('{{ steps.a.v }}!{{ steps.a.v }}', { maxResultLength: 250 }).evaluate(scope),
    ).toBe(`${'x'.repeat(100)}!${'x'.repeat(100)}`);
  });
});
