import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { parseTemplate } from './parseTemplate';

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
