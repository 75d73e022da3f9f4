import { DEFAULT_MAX_EXPRESSION_LENGTH } from '../limits/expressionLimitDefaults';
import { isWhitespace, skipWhile } from './characterClasses';
import { type ExpressionPath, expressionError, parseExpressionPath } from './expressionPath';
import { KeyEndsCache } from './quotedKeyEnds';

/** A string parameter value split into literal text and expressions. */
export type ParsedTemplate =
  /** No expression: the string as it is. */
  | { kind: 'literal'; value: string }
  /** Exactly one expression and nothing else: resolves keeping the value's type. */
  | { kind: 'single'; path: ExpressionPath }
  /** Text and expressions mixed: resolves to a string. */
  | { kind: 'template'; parts: ReadonlyArray<string | ExpressionPath> };

/** Options of {@link parseTemplate} and `compileValue`. */
export interface ExpressionOptions {
  /**
   * Characters one expression may hold between its `{{` and `}}`; a longer one is refused.
   * @default 10000 (`DEFAULT_LIMITS.maxExpressionLength`)
   */
  maxExpressionLength?: number;
  /**
   * Characters a template (text mixed with expressions) may grow to while it is resolved; past
   * it, resolving stops with `OUTPUT_TOO_LARGE`, before the string is built any further.
   * @default 1048576 (`DEFAULT_LIMITS.maxStepOutputBytes`)
   */
  maxResultLength?: number;
}

const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;

/**
 * Splits a string into literal text and `{{ ... }}` expressions. A `}}` inside a quoted key
 * (`{{ input["}}"] }}`) does not end the expression.
 *
 * @remarks Time is linear in the length of `text`, whatever it holds.
 * @throws FlowloomError `EXPRESSION_ERROR` for an unclosed `{{`, an invalid path, or an
 * expression longer than `maxExpressionLength`.
 */
export function parseTemplate(text: string, options: ExpressionOptions = {}): ParsedTemplate {
  if (!text.includes('{{')) return { kind: 'literal', value: text };
  const maxLength = options.maxExpressionLength ?? DEFAULT_MAX_EXPRESSION_LENGTH;
  const keyEnds = new KeyEndsCache(text);
  const parts: Array<string | ExpressionPath> = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open === -1) {
      parts.push(text.slice(cursor));
      break;
    }
    if (open > cursor) parts.push(text.slice(cursor, open));
    const close = findClose(text, open + 2, keyEnds);
    if (close === -1) throw expressionError(text.slice(open + 2).trim(), 'is not closed with "}}"');
    if (close - (open + 2) > maxLength) {
      throw expressionError(
        text.slice(open + 2, close).trim(),
        `is longer than ${maxLength} characters`,
      );
    }
    parts.push(parseExpressionPath(text.slice(open + 2, close)));
    cursor = close + 2;
  }
  if (parts.length === 1 && typeof parts[0] !== 'string')
    return { kind: 'single', path: parts[0]! };
  return { kind: 'template', parts };
}

/**
 * The index of the `}}` that closes an expression starting at `from`, or -1. Quoted keys are
 * stepped over whole, as `parseExpressionPath` reads them, so a `}}` inside one is content.
 */
function findClose(text: string, from: number, keyEnds: KeyEndsCache): number {
  let at = from;
  while (at < text.length - 1) {
    const code = text.charCodeAt(at);
    if (code === CLOSE_BRACE && text.charCodeAt(at + 1) === CLOSE_BRACE) return at;
    if (code === OPEN_BRACKET) {
      const closingQuote = keyEnds.closingQuote(skipWhile(text, at + 1, isWhitespace));
      if (closingQuote >= 0) {
        at = closingQuote + 1;
        continue;
      }
    }
    at += 1;
  }
  return -1;
}
