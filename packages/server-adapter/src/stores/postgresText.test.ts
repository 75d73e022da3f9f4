import { describe, expect, it } from 'vitest';
import { fromPostgresJson, fromPostgresText, toPostgresJson, toPostgresText } from './postgresText';

/** Characters that meet the escapes: NUL, the escape character, what follows it, surrogates. */
const ALPHABET = ['\u0000', '\uE000', '0', 'u', 'd', '8', '\\', '"', 'a', '\ud800', '\udc00'];

/** Every string of up to `length` characters from {@link ALPHABET}. */
function everyString(length: number): string[] {
  let strings = [''];
  const all = [''];
  for (let size = 1; size <= length; size += 1) {
    strings = strings.flatMap((prefix) => ALPHABET.map((char) => prefix + char));
    all.push(...strings);
  }
  return all;
}

/** A lone surrogate escape in JSON text, which jsonb refuses. */
const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

describe('postgresText', () => {
  const strings = everyString(4);

  it('round-trips every short string through a text column, with no NUL stored', () => {
    for (const value of strings) {
      const stored = toPostgresText(value);
      expect(stored.includes('\u0000'), JSON.stringify(value)).toBe(false);
      expect(fromPostgresText(stored), JSON.stringify(value)).toBe(value);
    }
  });

  it('round-trips every short string as a JSON key and value, with no escape jsonb refuses', () => {
    for (const value of strings) {
      const json = toPostgresJson({ [value]: [value] });
      expect(json.includes('\\u0000'), JSON.stringify(value)).toBe(false);
      expect(LONE_SURROGATE_ESCAPE.test(json.replaceAll('\\\\', '')), JSON.stringify(value)).toBe(
        false,
      );
      expect(fromPostgresJson(json), JSON.stringify(value)).toEqual({ [value]: [value] });
    }
  });

  it('leaves strings and JSON without special characters as they are', () => {
    expect(toPostgresText('plain é 🙂')).toBe('plain é 🙂');
    expect(toPostgresJson({ a: 'plain\n\u0001"' })).toBe(JSON.stringify({ a: 'plain\n\u0001"' }));
    expect(toPostgresText(null)).toBeNull();
    expect(fromPostgresText(null)).toBeNull();
  });

  it('reads JSON text back after jsonb reformatted it', () => {
    // jsonb prints `{"a": "x"}` with a space after the colon and raw non-ASCII characters.
    const stored = toPostgresJson({ a: 'x\u0000y' }).replace(':', ': ');
    expect(fromPostgresJson(stored)).toEqual({ a: 'x\u0000y' });
  });

  it('does not mistake an escaped backslash before "u0000" for NUL', () => {
    const value = { text: 'back\\u0000slash' };
    expect(toPostgresJson(value)).toBe(JSON.stringify(value));
    expect(fromPostgresJson(toPostgresJson(value))).toEqual(value);
  });
});
