import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { expressionError, parseExpressionPath } from './expressionPath';

function parseError(text: string): FlowloomError {
  try {
    parseExpressionPath(text);
  } catch (error) {
    if (error instanceof FlowloomError) return error;
    throw error;
  }
  throw new Error(`Expected "${text}" to be rejected`);
}

describe('parseExpressionPath', () => {
  it('parses a steps path with dotted keys', () => {
    expect(parseExpressionPath('steps.fetch.body.url')).toEqual({
      root: 'steps',
      segments: ['fetch', 'body', 'url'],
      source: 'steps.fetch.body.url',
    });
  });

  it('parses an input path', () => {
    expect(parseExpressionPath('input.user.name').segments).toEqual(['user', 'name']);
    expect(parseExpressionPath('input.user.name').root).toBe('input');
  });

  it('parses a vars path', () => {
    expect(parseExpressionPath('vars.counter')).toEqual({
      root: 'vars',
      segments: ['counter'],
      source: 'vars.counter',
    });
  });

  it('accepts the whole input with no key', () => {
    expect(parseExpressionPath('input')).toEqual({ root: 'input', segments: [], source: 'input' });
  });

  it('trims surrounding whitespace and keeps the trimmed text as source', () => {
    expect(parseExpressionPath('  input.a  ').source).toBe('input.a');
  });

  it('reads [0] as a numeric index', () => {
    expect(parseExpressionPath('steps.list.items[0].id').segments).toEqual([
      'list',
      'items',
      0,
      'id',
    ]);
  });

  it('accepts spaces inside brackets', () => {
    expect(parseExpressionPath('input.items[ 12 ]').segments).toEqual(['items', 12]);
  });

  it('reads ["quoted key"] with spaces and dots as one key', () => {
    expect(parseExpressionPath('input["first name"]["a.b"]').segments).toEqual([
      'first name',
      'a.b',
    ]);
  });

  it("reads ['single quoted'] keys and unescapes quotes", () => {
    expect(parseExpressionPath("input['it\\'s']").segments).toEqual(["it's"]);
    expect(parseExpressionPath('input["say \\"hi\\""]').segments).toEqual(['say "hi"']);
  });

  it('accepts step ids with hyphens such as node-1', () => {
    expect(parseExpressionPath('steps.node-1.output').segments).toEqual(['node-1', 'output']);
  });

  it('accepts a quoted step id', () => {
    expect(parseExpressionPath('steps["my step"].x').segments).toEqual(['my step', 'x']);
  });

  it('reads numeric dotted keys as strings', () => {
    expect(parseExpressionPath('input.items.0').segments).toEqual(['items', '0']);
  });

  it('rejects an unknown root', () => {
    const error = parseError('env.HOME');
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe(
      'Expression "{{ env.HOME }}" must start with steps., input. or vars.',
    );
  });

  it('rejects a root that only begins like a known one', () => {
    expect(parseError('inputs.a').code).toBe('EXPRESSION_ERROR');
    expect(parseError('steps-x.a').code).toBe('EXPRESSION_ERROR');
  });

  it('rejects an empty expression', () => {
    expect(parseError('   ').message).toContain('must start with steps., input. or vars.');
  });

  it('rejects steps without a step id', () => {
    expect(parseError('steps').message).toBe(
      'Expression "{{ steps }}" name a step: steps.<step_id>',
    );
  });

  it('rejects vars without a name', () => {
    expect(parseError('vars').message).toContain('name a variable: vars.<name>');
  });

  it('rejects an unclosed bracket', () => {
    expect(parseError('input.items[0').message).toBe(
      'Expression "{{ input.items[0 }}" unexpected "[0"',
    );
  });

  it('rejects an unclosed quoted key', () => {
    expect(parseError('input["name').code).toBe('EXPRESSION_ERROR');
  });

  it('rejects a trailing or doubled dot', () => {
    expect(parseError('input.a.').message).toContain('expected a name after "."');
    expect(parseError('input..a').message).toContain('expected a name after "."');
  });

  it('rejects operators and calls: nothing is evaluated', () => {
    for (const text of ['input.a + 1', 'input.a()', 'input.a || 2', 'input[a]', 'input.a b']) {
      expect(parseError(text).code, text).toBe('EXPRESSION_ERROR');
    }
  });

  it('rejects JavaScript', () => {
    expect(parseError('process.exit(1)').code).toBe('EXPRESSION_ERROR');
    expect(parseError("constructor.constructor('return 1')()").code).toBe('EXPRESSION_ERROR');
  });
});

describe('expressionError', () => {
  it('builds an EXPRESSION_ERROR quoting the expression', () => {
    const error = expressionError('input.a', 'is bad');
    expect(error).toBeInstanceOf(FlowloomError);
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe('Expression "{{ input.a }}" is bad');
  });
});
