import { type ExpressionPath, expressionError, parseExpressionPath } from './expressionPath';

/** A string parameter value split into literal text and expressions. */
export type ParsedTemplate =
  /** No expression: the string as it is. */
  | { kind: 'literal'; value: string }
  /** Exactly one expression and nothing else: resolves keeping the value's type. */
  | { kind: 'single'; path: ExpressionPath }
  /** Text and expressions mixed: resolves to a string. */
  | { kind: 'template'; parts: ReadonlyArray<string | ExpressionPath> };

/**
 * Splits a string into literal text and `{{ ... }}` expressions.
 *
 * @throws FlowloomError `EXPRESSION_ERROR` for an unclosed `{{` or an invalid path.
 */
export function parseTemplate(text: string): ParsedTemplate {
  if (!text.includes('{{')) return { kind: 'literal', value: text };
  const parts: Array<string | ExpressionPath> = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open === -1) {
      parts.push(text.slice(cursor));
      break;
    }
    if (open > cursor) parts.push(text.slice(cursor, open));
    const close = text.indexOf('}}', open + 2);
    if (close === -1) throw expressionError(text.slice(open + 2).trim(), 'is not closed with "}}"');
    parts.push(parseExpressionPath(text.slice(open + 2, close)));
    cursor = close + 2;
  }
  if (parts.length === 1 && typeof parts[0] !== 'string')
    return { kind: 'single', path: parts[0]! };
  return { kind: 'template', parts };
}
