import { isLineTerminator, isWhitespace } from './characterClasses';

const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;

/** A quote that opens a `["key"]` or `['key']` accessor. */
export type KeyQuote = '"' | "'";

/**
 * For every position of `text`, where a quoted key whose content starts there ends: the index
 * of its closing quote (which white space and `]` follow), or -1 when no such key starts there.
 *
 * @remarks
 * The grammar this implements was once the regex `\[\s*(["'])((?:\\.|(?!\1).)*)\1\s*\]`. A
 * backslash may be read either as an escape or as a plain character, so a backtracking engine
 * tried every reading: exponential time on a run of backslashes. Which reading it returned
 * depends only on where the content starts, so one right-to-left pass computes the answer for
 * every start at once, giving the very same results in linear time. At each position the regex
 * tried, in order: an escape (`\` and any character but a line end), one plain character (not the
 * quote, not a line end), then ending the key (the quote, then white space and `]`).
 */
export function quotedKeyEnds(text: string, quote: KeyQuote): Int32Array {
  const length = text.length;
  const quoteCode = quote.charCodeAt(0);
  // Two extra slots: an escape at the last but one position looks two ahead.
  const ends = new Int32Array(length + 2).fill(-1);
  // Whether the first character after `at` that is not white space is `]`.
  let bracketAhead = false;
  for (let at = length - 1; at >= 0; at -= 1) {
    const code = text.charCodeAt(at);
    let end = -1;
    if (code === BACKSLASH && at + 1 < length && !isLineTerminator(text.charCodeAt(at + 1))) {
      end = ends[at + 2]!;
    }
    if (end < 0 && code !== quoteCode && !isLineTerminator(code)) end = ends[at + 1]!;
    if (end < 0 && code === quoteCode && bracketAhead) end = at;
    ends[at] = end;
    if (!isWhitespace(code)) bracketAhead = code === CLOSE_BRACKET;
  }
  return ends;
}

/** The content of a quoted key with its escapes resolved: `\x` is `x`, a final `\` stays. */
export function unescapeKey(text: string, start: number, end: number): string {
  let key = '';
  let from = start;
  for (let at = start; at < end - 1; at += 1) {
    if (text.charCodeAt(at) !== BACKSLASH) continue;
    key += text.slice(from, at);
    from = at + 1;
    at += 1;
  }
  return key + text.slice(from, end);
}

/**
 * Where the quoted key opened by the quote at `quoteAt` ends (its closing quote), or -1. Both
 * quote kinds' tables are built on first use, once per text.
 */
export class KeyEndsCache {
  private readonly tables: Partial<Record<KeyQuote, Int32Array>> = {};

  constructor(private readonly text: string) {}

  /** The closing quote of a key whose opening quote is at `quoteAt`, or -1 when there is none. */
  closingQuote(quoteAt: number): number {
    const quote = this.text[quoteAt];
    if (quote !== '"' && quote !== "'") return -1;
    let table = this.tables[quote];
    if (!table) {
      table = quotedKeyEnds(this.text, quote);
      this.tables[quote] = table;
    }
    return table[quoteAt + 1]!;
  }
}
