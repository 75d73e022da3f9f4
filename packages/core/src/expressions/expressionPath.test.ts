import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { type ExpressionPath, expressionError, parseExpressionPath } from './expressionPath';

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

describe('parseExpressionPath on hostile input', () => {
  it('answers a quoted key opened by 42 backslashes (the old regex backtracked for seconds)', () => {
    expect(parseError(`input["${'\\'.repeat(42)}x`).code).toBe('EXPRESSION_ERROR');
  });

  it('answers a quoted key opened by 10,000 backslashes', () => {
    expect(parseError(`input["${'\\'.repeat(10_000)}x`).code).toBe('EXPRESSION_ERROR');
  });

  it('answers 10,000 backslashes between quotes of both kinds', () => {
    const text = `input['${'\\"'.repeat(5_000)}x`;
    expect(parseError(text).code).toBe('EXPRESSION_ERROR');
  });

  it('reads a key made of escaped backslashes', () => {
    expect(parseExpressionPath(`input["${'\\'.repeat(2_000)}"]`).segments).toEqual([
      '\\'.repeat(1_000),
    ]);
  });

  it('keeps reading a backslash before the closing quote as the old parser did', () => {
    // The regex let `\"` be a plain backslash then the closing quote when nothing else fits.
    expect(parseExpressionPath('input["a\\"]').segments).toEqual(['a\\']);
  });

  it('rejects a quoted key that spans lines', () => {
    expect(parseError('input["a\nb"]').code).toBe('EXPRESSION_ERROR');
  });

  it('quotes a long expression only in part in its error', () => {
    const error = parseError(`env.${'a'.repeat(50_000)}`);
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.message).toContain('…');
  });

  it('returns a path or throws EXPRESSION_ERROR for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), soup(200)), (text) => {
        expectPathOrExpressionError(() => parseExpressionPath(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives what the old regex parser gave on short strings', () => {
    fc.assert(
      fc.property(fc.oneof(soup(24), nearPaths()), (text) => {
        expect(outcome(() => parseExpressionPath(text))).toEqual(
          outcome(() => legacyParseExpressionPath(text)),
        );
      }),
      { numRuns: 300 },
    );
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

/** Strings of the characters the grammar cares about, behind a root or a near miss. */
function soup(maxLength: number): fc.Arbitrary<string> {
  const pieces = fc.constantFrom(
    ...['[', ']', '"', "'", '\\', '.', ' ', '\t', '\n', '\u2028', 'a', '1', '}', '{', '-'],
  );
  return fc
    .tuple(
      fc.constantFrom('input', 'steps', 'vars', ' input', 'x', ''),
      fc.array(pieces, { maxLength }),
    )
    .map(([root, rest]) => root + rest.join(''));
}

/** Paths that are mostly well formed: accessors whose quoted keys hold backslashes and quotes. */
function nearPaths(): fc.Arbitrary<string> {
  const space = fc.constantFrom('', ' ', '\t');
  const keyText = fc
    .array(fc.constantFrom('\\', '"', "'", 'a', ']', ' ', '}', '\n'), { maxLength: 6 })
    .map((chars) => chars.join(''));
  const accessor = fc.oneof(
    fc.constantFrom('.a', '.b-1', '[0]', '[ 12 ]', '.', '[', ']', '\\', '"'),
    fc
      .tuple(space, fc.constantFrom('"', "'"), keyText, space)
      .map(([before, quote, key, after]) => `[${before}${quote}${key}${quote}${after}]`),
  );
  return fc
    .tuple(fc.constantFrom('input', 'steps', 'vars'), fc.array(accessor, { maxLength: 3 }))
    .map(([root, accessors]) => root + accessors.join(''));
}

function expectPathOrExpressionError(parse: () => ExpressionPath): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowloomError);
    expect((error as FlowloomError).code).toBe('EXPRESSION_ERROR');
  }
}

function outcome(parse: () => ExpressionPath): unknown {
  try {
    return { path: parse() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The regex parser this one replaced, kept as an oracle: exponential, so short input only. */
function legacyParseExpressionPath(text: string): ExpressionPath {
  const IDENTIFIER = /^[A-Za-z0-9_$-]+/;
  const INDEX = /^\[\s*(\d+)\s*\]/;
  const QUOTED = /^\[\s*(["'])((?:\\.|(?!\1).)*)\1\s*\]/;
  const source = text.trim();
  const root = IDENTIFIER.exec(source)?.[0];
  if (!root || !['steps', 'input', 'vars'].includes(root)) {
    throw expressionError(source, 'must start with steps., input. or vars.');
  }
  const segments: Array<string | number> = [];
  let rest = source.slice(root.length);
  while (rest.length > 0) {
    if (rest.startsWith('.')) {
      const key = IDENTIFIER.exec(rest.slice(1))?.[0];
      if (!key) throw expressionError(source, `expected a name after "." at "${rest}"`);
      segments.push(key);
      rest = rest.slice(1 + key.length);
      continue;
    }
    const index = INDEX.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      segments.push(quoted[2]!.replace(/\\(.)/g, '$1'));
      rest = rest.slice(quoted[0].length);
      continue;
    }
    throw expressionError(source, `unexpected "${rest}"`);
  }
  if (root === 'steps' && segments.length === 0) {
    throw expressionError(source, 'name a step: steps.<step_id>');
  }
  if (root === 'vars' && segments.length === 0) {
    throw expressionError(source, 'name a variable: vars.<name>');
  }
  return { root: root as ExpressionPath['root'], segments, source };
}
