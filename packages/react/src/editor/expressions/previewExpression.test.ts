import type { ExpressionScope } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { previewExpression } from './previewExpression';

const scope: ExpressionScope = {
  steps: { fetch: { body: { total: 140 } } },
  input: { name: 'Ada' },
  vars: {},
  stepIds: new Set(['fetch', 'side', 'say']),
};

describe('previewExpression', () => {
  it('has nothing to say about a value without expressions', () => {
    expect(previewExpression('plain', scope, true)).toEqual({ kind: 'none' });
    expect(previewExpression(42, scope, true)).toEqual({ kind: 'none' });
  });

  it('shows a single expression’s value with its type, and a template’s text', () => {
    expect(previewExpression('{{ steps.fetch.body.total }}', scope, true)).toEqual({
      kind: 'value',
      text: '140',
    });
    expect(previewExpression('Total: {{ steps.fetch.body.total }}', scope, true)).toEqual({
      kind: 'value',
      text: '"Total: 140"',
    });
  });

  it('says why an expression does not resolve, as the engine words it', () => {
    const notBefore = previewExpression('{{ steps.side.x }}', scope, true);
    expect(notBefore).toMatchObject({ kind: 'problem' });
    expect(notBefore.kind === 'problem' && notBefore.message).toContain(
      'has not completed before this step',
    );
    const unknown = previewExpression('{{ steps.nope.x }}', scope, true);
    expect(unknown.kind === 'problem' && unknown.message).toContain('unknown step "nope"');
    const through = previewExpression('{{ input.name.first.x }}', scope, true);
    expect(through.kind === 'problem' && through.message).toContain(
      'cannot read "first": input.name is a string',
    );
  });

  it('reports an expression that does not parse', () => {
    expect(previewExpression('{{ steps.fetch', scope, true).kind).toBe('problem');
    expect(previewExpression('{{ nope }}', scope, true).kind).toBe('problem');
  });

  it('waits for a run before previewing steps, but previews the pinned input without one', () => {
    expect(previewExpression('{{ steps.fetch.body }}', scope, false)).toEqual({ kind: 'no-run' });
    expect(previewExpression('Hi {{ input.name }}', scope, false)).toEqual({
      kind: 'value',
      text: '"Hi Ada"',
    });
  });

  it('shortens a long value', () => {
    const long = { ...scope, input: { text: 'x'.repeat(1000) } };
    const shown = previewExpression('{{ input.text }}', long, true);
    expect(shown.kind === 'value' && shown.text.length).toBeLessThanOrEqual(301);
  });

  it('previews expressions inside an object value (JSON parameters)', () => {
    expect(previewExpression({ total: '{{ steps.fetch.body.total }}' }, scope, true)).toEqual({
      kind: 'value',
      text: '{"total":140}',
    });
  });
});
