import { describe, expect, it } from 'vitest';
import { keysOf, schemaKeysAt, typeName, valueAt } from './outputPaths';

describe('outputPaths', () => {
  it('reads a value at a dotted path, array items by index', () => {
    const value = { a: { list: [{ b: 1 }] } };
    expect(valueAt(value, ['a', 'list', '0', 'b'])).toBe(1);
    expect(valueAt(value, ['a', 'missing', 'b'])).toBeUndefined();
  });

  it('does not read inherited keys', () => {
    expect(valueAt({}, ['constructor'])).toBeUndefined();
    expect(valueAt({ a: 1 }, ['__proto__'])).toBeUndefined();
  });

  it('lists an object’s keys with their types, and an array’s first index', () => {
    expect(keysOf({ n: 1, s: 'x', o: null })).toEqual([
      { key: 'n', detail: 'number' },
      { key: 's', detail: 'string' },
      { key: 'o', detail: 'null' },
    ]);
    expect(keysOf([{ a: 1 }])).toEqual([{ key: '0', detail: 'object' }]);
    expect(keysOf('text')).toEqual([]);
    expect(typeName([])).toBe('array');
  });

  it('lists at most 200 keys of a large object', () => {
    const big = Object.fromEntries(Array.from({ length: 500 }, (_, at) => [`k${at}`, at]));
    expect(keysOf(big)).toHaveLength(200);
  });

  it('reads the keys a JSON-Schema-like output_schema declares at a path', () => {
    const schema = {
      type: 'object',
      properties: {
        body: { type: 'object', properties: { total: { type: 'number' } } },
        rows: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
      },
    };
    expect(schemaKeysAt(schema, [])).toEqual([
      { key: 'body', detail: 'object' },
      { key: 'rows', detail: 'array' },
    ]);
    expect(schemaKeysAt(schema, ['body'])).toEqual([{ key: 'total', detail: 'number' }]);
    expect(schemaKeysAt(schema, ['rows'])).toEqual([{ key: '0', detail: 'object' }]);
    expect(schemaKeysAt(schema, ['rows', '3'])).toEqual([{ key: 'id', detail: 'string' }]);
  });

  it('reads a malformed schema as declaring nothing', () => {
    expect(schemaKeysAt('not a schema', [])).toEqual([]);
    expect(schemaKeysAt({ properties: [1, 2] }, [])).toEqual([]);
    expect(schemaKeysAt({ properties: { a: 5 } }, ['a'])).toEqual([]);
    expect(schemaKeysAt(null, ['x'])).toEqual([]);
  });
});
