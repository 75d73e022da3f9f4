import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { isDigit, isNameChar, isWhitespace, skipWhile } from './characterClasses';
import { KeyEndsCache, unescapeKey } from './quotedKeyEnds';

/** Where an expression reads from: a step's output, the run's input, or a run variable. */
export type ExpressionRoot = 'steps' | 'input' | 'vars';

/** A parsed `{{ root.a.b[0] }}` reference. */
export interface ExpressionPath {
  root: ExpressionRoot;
  /** Keys after the root; for `steps` the first is the step id. */
  segments: ReadonlyArray<string | number>;
  /** The expression as written, trimmed, for error messages. */
  source: string;
}

const ROOTS: ReadonlySet<string> = new Set(['steps', 'input', 'vars']);
const DOT = 0x2e;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Longest piece of user text quoted in an error message. */
const MAX_QUOTED = 200;

/**
 * Parses the inside of `{{ ... }}`: a root (`steps`, `input`, `vars`) then `.key`, `[0]` or
 * `["any key"]` accessors. Nothing is evaluated: there is no `eval` and no operator.
 *
 * @remarks Time is linear in the length of `text`, whatever it holds: expressions are written by
 * end users, and one must not be able to stall the process.
 * @throws FlowloomError `EXPRESSION_ERROR` saying what is wrong.
 */
export function parseExpressionPath(text: string): ExpressionPath {
  const source = text.trim();
  const rootEnd = skipWhile(source, 0, isNameChar);
  const root = source.slice(0, rootEnd);
  if (!ROOTS.has(root)) throw expressionError(source, 'must start with steps., input. or vars.');
  const segments: Array<string | number> = [];
  const keyEnds = new KeyEndsCache(source);
  let at = rootEnd;
  while (at < source.length) {
    const code = source.charCodeAt(at);
    if (code === DOT) {
      const end = skipWhile(source, at + 1, isNameChar);
      if (end === at + 1) {
        throw expressionError(source, `expected a name after "." at "${excerpt(source, at)}"`);
      }
      segments.push(source.slice(at + 1, end));
      at = end;
      continue;
    }
    const accessor = code === OPEN_BRACKET ? readBracket(source, at, keyEnds) : undefined;
    if (!accessor) throw expressionError(source, `unexpected "${excerpt(source, at)}"`);
    segments.push(accessor.key);
    at = accessor.end;
  }
  if (root === 'steps' && segments.length === 0) {
    throw expressionError(source, 'name a step: steps.<step_id>');
  }
  if (root === 'vars' && segments.length === 0) {
    throw expressionError(source, 'name a variable: vars.<name>');
  }
  return { root: root as ExpressionRoot, segments, source };
}

/** An `EXPRESSION_ERROR` about one expression (a long one is quoted only in part). */
export function expressionError(source: string, problem: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.EXPRESSION_ERROR,
    `Expression "{{ ${excerpt(source, 0)} }}" ${problem}`,
  );
}

/** Reads `[ 12 ]` or `[ "key" ]` at `open`; `undefined` when neither is there. */
function readBracket(
  source: string,
  open: number,
  keyEnds: KeyEndsCache,
): { key: string | number; end: number } | undefined {
  const inner = skipWhile(source, open + 1, isWhitespace);
  const digitsEnd = skipWhile(source, inner, isDigit);
  if (digitsEnd > inner) {
    const close = skipWhile(source, digitsEnd, isWhitespace);
    if (source.charCodeAt(close) !== CLOSE_BRACKET) return undefined;
    return { key: Number(source.slice(inner, digitsEnd)), end: close + 1 };
  }
  const closingQuote = keyEnds.closingQuote(inner);
  if (closingQuote < 0) return undefined;
  // The table only ends a key at a quote that white space and `]` follow.
  const close = skipWhile(source, closingQuote + 1, isWhitespace);
  return { key: unescapeKey(source, inner + 1, closingQuote), end: close + 1 };
}

function excerpt(text: string, from: number): string {
  return text.length - from > MAX_QUOTED
    ? `${text.slice(from, from + MAX_QUOTED)}…`
    : text.slice(from);
}
