import { describe, expect, it } from 'vitest';
import type { CompletionScope } from './completionScope';
import { expressionCompletions } from './expressionCompletions';

const scope: CompletionScope = {
  steps: [
    { id: 'fetch', name: 'HTTP Request' },
    { id: 'start', name: 'Manual Trigger' },
  ],
  outputs: { fetch: { status_code: 200, body: { total: 140, items: [{ sku: 'a' }] } } },
  schemas: {
    fetch: {
      type: 'object',
      properties: { status_code: { type: 'number' }, elapsed_ms: { type: 'number' } },
    },
  },
  input: { order_id: 7 },
  vars: { region: 'eu' },
};

const labels = (before: string) =>
  expressionCompletions(before, scope)?.options.map((o) => o.label);

describe('expressionCompletions', () => {
  it('offers nothing outside {{ … }}', () => {
    expect(expressionCompletions('plain text', scope)).toBeUndefined();
    expect(expressionCompletions('{{ input.a }} and after', scope)).toBeUndefined();
  });

  it('right after {{ offers the steps before the node, input. and vars.', () => {
    expect(labels('Hi {{')).toEqual(['steps.fetch', 'steps.start', 'input.', 'vars.']);
    expect(expressionCompletions('Hi {{ ', scope)?.from).toBe(6);
  });

  it('replaces what is typed of the root', () => {
    const found = expressionCompletions('{{ ste', scope);
    expect(found?.from).toBe(3);
  });

  it('after steps. offers the step ids only', () => {
    expect(labels('{{ steps.')).toEqual(['fetch', 'start']);
    expect(expressionCompletions('{{ steps.fe', scope)?.from).toBe(9);
  });

  it('after a step offers its last output’s keys, then those only its output_schema declares', () => {
    expect(labels('{{ steps.fetch.')).toEqual(['status_code', 'body', 'elapsed_ms']);
    expect(labels('{{ steps.fetch.body.')).toEqual(['total', 'items']);
    expect(labels('{{ steps.fetch.body.items.')).toEqual(['0']);
    expect(labels('{{ steps.fetch.body.items.0.')).toEqual(['sku']);
  });

  it('offers no path of a step that does not run before the node', () => {
    expect(expressionCompletions('{{ steps.side.', scope)).toBeUndefined();
  });

  it('after input. and vars. offers the keys of the run’s input and variables', () => {
    expect(labels('{{ input.')).toEqual(['order_id']);
    expect(labels('{{ vars.re')).toEqual(['region']);
  });

  it('gives up on brackets and other characters it does not complete', () => {
    expect(expressionCompletions('{{ steps["fetch"].', scope)).toBeUndefined();
    expect(expressionCompletions('{{ foo.', scope)).toBeUndefined();
  });

  it('says what a step option is and that it continues', () => {
    expect(expressionCompletions('{{ ', scope)?.options[0]).toEqual({
      label: 'steps.fetch',
      detail: 'HTTP Request',
      kind: 'step',
    });
  });
});
