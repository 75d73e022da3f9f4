import { parseExpressionPath } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { expressionPathOf } from './expressionPathOf';

const inner = (expression: string) => expression.slice(3, -3);

describe('expressionPathOf', () => {
  it('writes plain keys after dots and indexes in brackets', () => {
    expect(expressionPathOf('steps', ['fetch', 'body', 'items', 0, 'id'])).toBe(
      '{{ steps.fetch.body.items[0].id }}',
    );
  });

  it('quotes keys that are not plain names, so the path reads back the same', () => {
    const segments = ['fetch', 'content-type', 'a b', 'say "hi"', 'back\\slash', '', 'ünï'];
    const expression = expressionPathOf('steps', segments);
    expect(expression).toBe(
      '{{ steps.fetch.content-type["a b"]["say \\"hi\\""]["back\\\\slash"][""]["ünï"] }}',
    );
    expect(parseExpressionPath(inner(expression)).segments).toEqual(segments);
  });

  it('reads back every generated path through core’s parser', () => {
    const segments: Array<string | number> = ['step_1', 'list', 3, '0', 'x.y', '$ok', '[weird]'];
    const parsed = parseExpressionPath(inner(expressionPathOf('steps', segments)));
    expect(parsed.root).toBe('steps');
    // A digits-only object key after a dot reads back as the same key.
    expect(parsed.segments.map(String)).toEqual(segments.map(String));
  });
});
