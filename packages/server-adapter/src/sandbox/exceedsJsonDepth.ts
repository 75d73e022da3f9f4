/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, read in one pass without
 * recursion, so that text too deep for the host's recursive code is refused before it is parsed.
 *
 * @example
 * exceedsJsonDepth('[[1]]', 1); // true
 * exceedsJsonDepth('{"a":"[[["}', 1); // false: brackets inside strings do not count
 */
export function exceedsJsonDepth(json: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACKET || char === OPEN_BRACE) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === CLOSE_BRACKET || char === CLOSE_BRACE) {
      depth -= 1;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
