// PostgreSQL's text and jsonb refuse U+0000, and jsonb refuses a lone UTF-16 surrogate, so a
// user's string holding one would fail its write (a 500, or a run whose journal can't be
// written). Every string bound for a text or jsonb column is escaped on the way in and
// unescaped on the way out, with U+E000 (a private-use character) as the escape character:
//
//   U+0000             → U+E000 '0'
//   U+E000             → U+E000 U+E000   (so a string already holding the escape round-trips)
//   lone surrogate XXXX → U+E000 'u' XXXX (jsonb only; text keeps the byte-for-byte rule above)
//
// Each escape is two characters starting with U+E000 (or six for a surrogate), read left to
// right, so decoding is unambiguous. Values without these characters pass through unchanged.

const MARK = '\uE000';

/** Characters a text column can't hold, and the escape character itself. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this module escapes.
const TEXT_SPECIALS = /[\u0000\uE000]/g;
const TEXT_ESCAPES = /\uE000([0\uE000])/g;

/**
 * In JSON text: a `\uXXXX` escape or another escape as a whole (so `\\u0000`, an escaped
 * backslash before "u0000", is never mistaken for NUL), or the raw escape character.
 */
const JSON_SPECIALS = /\\(?:u([0-9a-fA-F]{4})|[^u])|\uE000/g;
const JSON_ESCAPES = /\uE000(?:(0)|(\uE000)|u([0-9a-fA-F]{4}))/g;

/** A string as a PostgreSQL text column stores it. */
export function toPostgresText(value: string): string;
export function toPostgresText(value: string | null): string | null;
export function toPostgresText(value: string | null): string | null {
  if (value === null || !hasTextSpecial(value)) return value;
  return value.replace(TEXT_SPECIALS, (char) => (char === '\u0000' ? `${MARK}0` : MARK + MARK));
}

/** A string read back from a text column written by {@link toPostgresText}. */
export function fromPostgresText(value: string): string;
export function fromPostgresText(value: string | null): string | null;
export function fromPostgresText(value: string | null): string | null {
  if (value === null || !value.includes(MARK)) return value;
  return value.replace(TEXT_ESCAPES, (_match, char: string) => (char === '0' ? '\u0000' : MARK));
}

/**
 * A value as JSON text a jsonb parameter accepts: `JSON.stringify`, then NUL and lone-surrogate
 * escapes (which jsonb refuses) and raw escape characters rewritten inside the text.
 */
export function toPostgresJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\u') && !json.includes(MARK)) return json;
  return json.replace(JSON_SPECIALS, (match, hex: string | undefined) => {
    if (match === MARK) return MARK + MARK;
    if (hex === undefined) return match;
    if (hex === '0000') return `${MARK}0`;
    // JSON.stringify writes a surrogate as an escape only when it is lone.
    return isSurrogate(hex) ? `${MARK}u${hex}` : match;
  });
}

/** A value from jsonb read as text (`column::text`), written by {@link toPostgresJson}. */
export function fromPostgresJson(text: string): unknown {
  if (!text.includes(MARK)) return JSON.parse(text);
  return JSON.parse(
    text.replace(JSON_ESCAPES, (_match, nul?: string, mark?: string, hex?: string) => {
      if (nul !== undefined) return '\\u0000';
      if (mark !== undefined) return MARK;
      return `\\u${hex}`;
    }),
  );
}

/** {@link fromPostgresJson} for a nullable column. */
export function fromNullablePostgresJson(text: string | null): unknown {
  return text === null ? null : fromPostgresJson(text);
}

function hasTextSpecial(value: string): boolean {
  return value.includes('\u0000') || value.includes(MARK);
}

function isSurrogate(hex: string): boolean {
  const code = Number.parseInt(hex, 16);
  return code >= 0xd800 && code <= 0xdfff;
}
