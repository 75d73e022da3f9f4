import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExpressionPath } from './expressionPath';
import { type ParsedTemplate, parseTemplate } from './parseTemplate';

describe('parseTemplate', () => {
  it('returns a string without {{ as a literal', () => {
    expect(parseTemplate('hello { world }')).toEqual({ kind: 'literal', value: 'hello { world }' });
  });

  it('returns the empty string as a literal', () => {
    expect(parseTemplate('')).toEqual({ kind: 'literal', value: '' });
  });

  it('returns a string that is exactly one expression as single', () => {
    expect(parseTemplate('{{ steps.a.count }}')).toEqual({
      kind: 'single',
      path: { root: 'steps', segments: ['a', 'count'], source: 'steps.a.count' },
    });
  });

  it('accepts an expression without inner spaces', () => {
    expect(parseTemplate('{{input.x}}')).toMatchObject({
      kind: 'single',
      path: { segments: ['x'] },
    });
  });

  it('splits mixed text into literal parts and paths', () => {
    expect(parseTemplate('Hi {{ input.name }}, you are {{ input.age }}!')).toEqual({
      kind: 'template',
      parts: [
        'Hi ',
        { root: 'input', segments: ['name'], source: 'input.name' },
        ', you are ',
        { root: 'input', segments: ['age'], source: 'input.age' },
        '!',
      ],
    });
  });

  it('treats an expression with surrounding spaces as a template', () => {
    expect(parseTemplate(' {{ input.a }}').kind).toBe('template');
  });

  it('treats two adjacent expressions as a template', () => {
    const parsed = parseTemplate('{{ input.a }}{{ input.b }}');
    expect(parsed.kind).toBe('template');
    expect(parsed.kind === 'template' && parsed.parts.length).toBe(2);
  });

  it('leaves a stray }} as text', () => {
    expect(parseTemplate('{{ input.a }} }}')).toMatchObject({
      kind: 'template',
      parts: [{ root: 'input' }, ' }}'],
    });
  });

  it('rejects an unclosed {{ with EXPRESSION_ERROR', () => {
    expect(() => parseTemplate('Hello {{ input.name')).toThrowError(
      'Expression "{{ input.name }}" is not closed with "}}"',
    );
  });

  it('rejects a closed expression followed by an unclosed one', () => {
    expect(() => parseTemplate('{{ input.a }} and {{ input.b')).toThrowError(FlowloomError);
  });

  it('rejects an empty expression', () => {
    expect(() => parseTemplate('{{ }}')).toThrowError(/must start with steps\., input\. or vars\./);
  });

  it('rejects an invalid path inside the braces', () => {
    try {
      parseTemplate('x {{ foo.bar }}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FlowloomError);
      expect((error as FlowloomError).code).toBe('EXPRESSION_ERROR');
    }
  });
});

describe('parseTemplate and quoted keys', () => {
  it('does not end an expression at a }} inside a double-quoted key', () => {
    expect(parseTemplate('{{ input["a}}b"] }}')).toEqual({
      kind: 'single',
      path: { root: 'input', segments: ['a}}b'], source: 'input["a}}b"]' },
    });
  });

  it('does not end an expression at a }} inside a single-quoted key', () => {
    expect(parseTemplate("x {{ steps.s['}}'].y }} z")).toMatchObject({
      kind: 'template',
      parts: ['x ', { root: 'steps', segments: ['s', '}}', 'y'] }, ' z'],
    });
  });

  it('reads an escaped quote and a }} in one key', () => {
    expect(parseTemplate('{{ input["say \\"}}\\""] }} and {{ vars.a }}')).toMatchObject({
      kind: 'template',
      parts: [{ segments: ['say "}}"'] }, ' and ', { root: 'vars', segments: ['a'] }],
    });
  });

  it('ends an expression at the first }} when a quote is never closed', () => {
    expect(() => parseTemplate('{{ input["a }} b')).toThrowError(
      'Expression "{{ input["a }}" unexpected "["a"',
    );
  });
});

describe('parseTemplate on hostile input', () => {
  it('answers an expression opening a key with 42 backslashes', () => {
    expect(expressionErrorOf(() => parseTemplate(`{{ input["${'\\'.repeat(42)}x }}`))).toBe(
      'EXPRESSION_ERROR',
    );
  });

  it('answers an expression opening a key with 10,000 backslashes', () => {
    const text = `{{ input["${'\\'.repeat(10_000)}x }}`;
    expect(expressionErrorOf(() => parseTemplate(text))).toBe('EXPRESSION_ERROR');
  });

  it('answers 5,000 unclosed quoted keys in one expression', () => {
    const text = `{{ input${'["\\'.repeat(5_000)} }}`;
    expect(expressionErrorOf(() => parseTemplate(text))).toBe('EXPRESSION_ERROR');
  });

  it('refuses an expression longer than 10,000 characters', () => {
    const text = `{{ input.${'a'.repeat(10_000)} }}`;
    expect(() => parseTemplate(text)).toThrowError(/is longer than 10000 characters$/);
  });

  it('accepts an expression of exactly 10,000 characters', () => {
    const inner = `input.${'a'.repeat(10_000 - 'input.'.length)}`;
    expect(parseTemplate(`{{${inner}}}`).kind).toBe('single');
  });

  it('takes the length limit from maxExpressionLength', () => {
    expect(() => parseTemplate('{{ input.abc }}', { maxExpressionLength: 5 })).toThrowError(
      'Expression "{{ input.abc }}" is longer than 5 characters',
    );
    expect(parseTemplate('{{input}}', { maxExpressionLength: 5 }).kind).toBe('single');
  });

  it('returns a result or throws EXPRESSION_ERROR for any string', () => {
    const soup = fc
      .array(
        fc.constantFrom('{{', '}}', '{', '}', '[', ']', '"', "'", '\\', 'input', '.a', ' ', '\n'),
        { maxLength: 120 },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary' })), (text) => {
        expectResultOrExpressionError(() => parseTemplate(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any template written with escaped quoted keys', () => {
    fc.assert(
      fc.property(fc.array(templatePiece(), { maxLength: 5 }), (pieces) => {
        const text = pieces.map((piece) => piece.written).join('');
        expect(parseTemplate(text)).toEqual(expectedTemplate(text, pieces));
      }),
      { numRuns: 200 },
    );
  });
});

type Piece = { written: string; part: string | ExpressionPath };

/** Literal text (no braces) or an expression whose keys may hold quotes, backslashes and }}. */
function templatePiece(): fc.Arbitrary<Piece> {
  const literal = fc
    .string({ unit: fc.constantFrom('a', ' ', '}', '"', "'", '\\', '[', ']', '\n') })
    .map((text) => ({ written: text, part: text }));
  const keyText = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', '}', '{', '"', "'", '\\', '[', ']', '.') }),
    fc.string().filter((text) => !/[\n\r\u2028\u2029]/.test(text)),
  );
  const segment = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_$-]{1,8}$/).map((name) => ({ text: `.${name}`, key: name })),
    fc.nat(999).map((index) => ({ text: `[${index}]`, key: index as string | number })),
    fc.tuple(fc.constantFrom('"', "'"), keyText).map(([quote, key]) => ({
      text: `[${quote}${key.replace(/\\|"|'/g, (char) => (char === quote || char === '\\' ? `\\${char}` : char))}${quote}]`,
      key,
    })),
  );
  const expression = fc
    .tuple(
      fc.constantFrom('steps', 'input', 'vars'),
      fc.array(segment, { minLength: 1, maxLength: 4 }),
    )
    .map(([root, segments]): Piece => {
      const source = root + segments.map((segment) => segment.text).join('');
      return {
        written: `{{ ${source} }}`,
        part: { root, segments: segments.map((segment) => segment.key), source },
      };
    });
  return fc.oneof(literal, expression);
}

function expectedTemplate(text: string, pieces: readonly Piece[]): ParsedTemplate {
  const parts: Array<string | ExpressionPath> = [];
  for (const { part } of pieces) {
    const last = parts[parts.length - 1];
    if (typeof part !== 'string') parts.push(part);
    else if (part === '') continue;
    else if (typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  if (!parts.some((part) => typeof part !== 'string')) return { kind: 'literal', value: text };
  if (parts.length === 1) return { kind: 'single', path: parts[0] as ExpressionPath };
  return { kind: 'template', parts };
}

function expressionErrorOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof FlowloomError ? error.code : String(error);
  }
}

function expectResultOrExpressionError(run: () => unknown): void {
  const code = expressionErrorOf(run);
  if (code !== undefined) expect(code).toBe('EXPRESSION_ERROR');
}
