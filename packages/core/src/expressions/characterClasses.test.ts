import { describe, expect, it } from 'vitest';
import { isDigit, isLineTerminator, isNameChar, isWhitespace, skipWhile } from './characterClasses';

/** Every UTF-16 code unit whose answer differs from the regex class it stands for. */
function disagreements(test: (code: number) => boolean, regex: RegExp): number[] {
  const found: number[] = [];
  for (let code = 0; code <= 0xffff; code += 1) {
    if (test(code) !== regex.test(String.fromCharCode(code))) found.push(code);
  }
  return found;
}

describe('characterClasses', () => {
  it('isWhitespace agrees with \\s on every code unit', () => {
    expect(disagreements(isWhitespace, /^\s$/)).toEqual([]);
  });

  it('isLineTerminator agrees with what . does not match on every code unit', () => {
    expect(disagreements((code) => !isLineTerminator(code), /^.$/)).toEqual([]);
  });

  it('isNameChar agrees with [A-Za-z0-9_$-] on every code unit', () => {
    expect(disagreements(isNameChar, /^[A-Za-z0-9_$-]$/)).toEqual([]);
  });

  it('isDigit agrees with \\d on every code unit', () => {
    expect(disagreements(isDigit, /^\d$/)).toEqual([]);
  });

  it('skipWhile stops at the first code unit that fails, or at the end', () => {
    expect(skipWhile('  a ', 0, isWhitespace)).toBe(2);
    expect(skipWhile('   ', 1, isWhitespace)).toBe(3);
  });
});
