import { describe, expect, it } from 'vitest';
import { jsonTreeRows, pathOfRow } from './jsonTreeRows';

const none = new WeakSet<object>();

describe('jsonTreeRows', () => {
  it('shows the root and its children, with nested collections collapsed', () => {
    const rows = jsonTreeRows({ status: 200, body: { items: [1, 2] } }, none);
    expect(rows.map((row) => [row.key, row.depth, row.preview])).toEqual([
      [undefined, 0, '{…} 2 keys'],
      ['status', 1, '200'],
      ['body', 1, '{…} 1 key'],
    ]);
    expect(rows[2]).toMatchObject({ expandable: true, expanded: false });
    expect(pathOfRow(rows[2]!)).toEqual(['body']);
  });

  it('expands a toggled collection and collapses a toggled open one', () => {
    const body = { items: ['a'] };
    const value = { body };
    const open = jsonTreeRows(value, new WeakSet([body]));
    expect(open.map(pathOfRow)).toEqual([[], ['body'], ['body', 'items']]);
    const closed = jsonTreeRows(value, new WeakSet([value]));
    expect(closed).toHaveLength(1);
    expect(closed[0]!.expanded).toBe(false);
  });

  it('keys array items by index', () => {
    const rows = jsonTreeRows(['x', null, true], none);
    expect(rows.slice(1).map((row) => [row.key, row.kind, row.preview])).toEqual([
      [0, 'string', '"x"'],
      [1, 'null', 'null'],
      [2, 'boolean', 'true'],
    ]);
  });

  it('cuts a long string and calls empty collections by their brackets', () => {
    const rows = jsonTreeRows({ long: 'x'.repeat(500), list: [], map: {} }, none);
    expect(rows[1]!.preview).toBe(`"${'x'.repeat(199)}…"`);
    expect(rows[2]).toMatchObject({ preview: '[]', expandable: false });
    expect(rows[3]).toMatchObject({ preview: '{}', expandable: false });
  });

  it('walks a value nested ten thousand deep without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    const levels: object[] = [];
    for (let level = 0; level < 10_000; level += 1) {
      deep = { next: deep };
      levels.push(deep as object);
    }
    const rows = jsonTreeRows(deep, new WeakSet(levels), 0);
    expect(rows).toHaveLength(10_001);
    expect(rows.at(-1)!.preview).toBe('"bottom"');
    expect(pathOfRow(rows.at(-1)!)).toHaveLength(10_000);
  });

  it('shows a value that is not JSON as text', () => {
    expect(jsonTreeRows(undefined, none)[0]).toMatchObject({ kind: 'other', preview: 'undefined' });
  });
});
