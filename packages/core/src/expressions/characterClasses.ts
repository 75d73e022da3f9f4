/**
 * The character classes of the expression grammar, tested one UTF-16 code unit at a time so that
 * scanners walk user text once and never backtrack.
 */

/** Whether a code unit is one that the RegExp class `\s` (and `String#trim`) treats as white space. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether a code unit ends a line: what the RegExp `.` does not match. */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Whether a code unit may appear in a dotted name: `[A-Za-z0-9_$-]`. */
export function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    isDigit(code) ||
    code === 0x5f || // _
    code === 0x24 || // $
    code === 0x2d // -
  );
}

/** Whether a code unit is an ASCII digit: `[0-9]`. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The first index at or after `from` whose code unit fails `test` (the text's length if none). */
export function skipWhile(text: string, from: number, test: (code: number) => boolean): number {
  let at = from;
  while (at < text.length && test(text.charCodeAt(at))) at += 1;
  return at;
}
