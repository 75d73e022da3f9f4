/**
 * Measures JSON-like values without recursion, so a value nested 100,000 levels deep (which
 * `JSON.parse` builds happily) cannot overflow the stack, and without serialising them.
 * Values are read as `JSON.stringify` reads them: `toJSON` is called, boxed primitives are
 * unwrapped, only own enumerable string keys count.
 */

/** Where a value nests deeper than allowed. */
export interface JsonDepthProblem {
  /** Dotted path of the first container past the limit, in document order (`nodes.0.data`). */
  path: string;
  /** The nesting level reached there: always `maxDepth + 1`. */
  depth: number;
}

/** A container being walked: its members, and which one is next. */
interface Frame {
  container: object;
  /** Own enumerable keys for an object; `undefined` for an array. */
  keys: string[] | undefined;
  length: number;
  next: number;
  /** Members written so far (an object skips the ones JSON drops). */
  written: number;
}

/**
 * The first place where `value` nests deeper than `maxDepth`, or `undefined` when it does not.
 * An object or array is one level deeper than its container; the top-level one is level 1, so
 * `{}` fits a `maxDepth` of 1 and `{"a":{}}` does not (the problem is at path `a`).
 *
 * @remarks Iterative: safe on any depth. A cyclic value is reported where the cycle passes
 * the limit. A value reached twice through shared references is walked again only when it is
 * met deeper than before, so shared references cannot make the walk exponential.
 * @example
 * findJsonDepthProblem({ a: { b: {} } }, 2); // { path: 'a.b', depth: 3 }
 */
export function findJsonDepthProblem(
  value: unknown,
  maxDepth: number,
): JsonDepthProblem | undefined {
  const root = toJsonForm(value, '');
  if (!isContainer(root)) return undefined;
  if (maxDepth < 1) return { path: '', depth: 1 };
  // Deepest level at which a container was walked through without a problem.
  const cleanAt = new WeakMap<object, number>();
  const stack: Frame[] = [frameOf(root)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.length) {
      stack.pop();
      cleanAt.set(frame.container, Math.max(cleanAt.get(frame.container) ?? 0, stack.length + 1));
      continue;
    }
    const key = frame.keys ? frame.keys[frame.next]! : String(frame.next);
    frame.next += 1;
    const member = toJsonForm(memberOf(frame, key), key);
    if (!isContainer(member)) continue;
    const level = stack.length + 1;
    if (level > maxDepth) return { path: pathOf(stack), depth: level };
    if ((cleanAt.get(member) ?? 0) >= level) continue;
    stack.push(frameOf(member));
  }
  return undefined;
}

/** Where and why `JSON.stringify` would throw on a value. */
export interface JsonWriteProblem {
  /** Dotted path of the value (`''` for the top), as {@link JsonDepthProblem}'s. */
  path: string;
  /** A BigInt, or a container that contains itself. */
  reason: 'bigint' | 'cycle';
}

/**
 * The first place where `JSON.stringify(value)` would throw, or `undefined` when it would not.
 * {@link measureJsonBytes} answers `undefined` both past its limit and for such a value; this
 * tells them apart, so an output holding a BigInt is not reported as too large.
 *
 * @remarks Iterative: safe on any depth. A container walked through cleanly is not walked
 * again when met through another reference, so shared references cannot make it exponential.
 * @example
 * findJsonWriteProblem({ a: [1, 2n] }); // { path: 'a.1', reason: 'bigint' }
 */
export function findJsonWriteProblem(value: unknown): JsonWriteProblem | undefined {
  const root = toJsonForm(value, '');
  if (typeof root === 'bigint') return { path: '', reason: 'bigint' };
  if (!isContainer(root)) return undefined;
  const clean = new WeakSet<object>();
  const open = new Set<object>([root]);
  const stack: Frame[] = [frameOf(root)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.length) {
      stack.pop();
      open.delete(frame.container);
      clean.add(frame.container);
      continue;
    }
    const key = frame.keys ? frame.keys[frame.next]! : String(frame.next);
    frame.next += 1;
    const member = toJsonForm(memberOf(frame, key), key);
    if (typeof member === 'bigint') return { path: pathOf(stack), reason: 'bigint' };
    if (!isContainer(member) || clean.has(member)) continue;
    if (open.has(member)) return { path: pathOf(stack), reason: 'cycle' };
    open.add(member);
    stack.push(frameOf(member));
  }
  return undefined;
}

/**
 * The length in UTF-8 bytes of `JSON.stringify(value)`, computed without building the string,
 * or `undefined` as soon as it is known to pass `limitBytes`.
 *
 * @remarks Members JSON drops (`undefined`, functions, symbols) are dropped from objects and
 * written as `null` in arrays; a top-level one measures 0 (`JSON.stringify` returns no string).
 * What `JSON.stringify` would throw on counts as over the limit: a cycle, a BigInt. Iterative:
 * safe on any depth.
 * @example
 * measureJsonBytes({ a: 'é' }, 100); // 10, the bytes of {"a":"é"}
 * measureJsonBytes({ a: 'é' }, 5); // undefined
 */
export function measureJsonBytes(value: unknown, limitBytes: number): number | undefined {
  const root = toJsonForm(value, '');
  if (isDropped(root)) return 0;
  let total = 0;
  const open = new Set<object>();
  const stack: Frame[] = [];
  /** Adds one value's bytes, or opens it; false when it cannot be serialised. */
  const add = (item: unknown): boolean => {
    if (isContainer(item)) {
      if (open.has(item)) return false;
      open.add(item);
      stack.push(frameOf(item));
      total += 1;
      return true;
    }
    const bytes = primitiveBytes(item, limitBytes - total);
    if (bytes === undefined) return false;
    total += bytes;
    return true;
  };
  if (!add(root)) return undefined;
  while (stack.length > 0 && total <= limitBytes) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.length) {
      stack.pop();
      open.delete(frame.container);
      total += 1;
      continue;
    }
    const key = frame.keys ? frame.keys[frame.next]! : String(frame.next);
    frame.next += 1;
    let member = toJsonForm(memberOf(frame, key), key);
    if (frame.keys) {
      if (isDropped(member)) continue;
      total += stringBytes(key, limitBytes - total) + 1;
    } else if (isDropped(member)) {
      member = null;
    }
    if (frame.written > 0) total += 1;
    frame.written += 1;
    if (!add(member)) return undefined;
  }
  return total <= limitBytes ? total : undefined;
}

function frameOf(container: object): Frame {
  const keys = Array.isArray(container) ? undefined : Object.keys(container);
  const length = keys ? keys.length : (container as unknown[]).length;
  return { container, keys, length, next: 0, written: 0 };
}

function memberOf(frame: Frame, key: string): unknown {
  return (frame.container as Record<string, unknown>)[key];
}

function pathOf(stack: readonly Frame[]): string {
  return stack
    .map((frame) => (frame.keys ? frame.keys[frame.next - 1]! : String(frame.next - 1)))
    .join('.');
}

/** What `JSON.stringify` writes for a value: after `toJSON`, boxed primitives unwrapped. */
function toJsonForm(value: unknown, key: string): unknown {
  let form = value;
  if ((typeof form === 'object' && form !== null) || typeof form === 'bigint') {
    const toJSON = (form as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') form = toJSON.call(form, key);
  }
  if (typeof form !== 'object' || form === null) return form;
  if (form instanceof Number) return Number(form);
  if (form instanceof String) return String(form);
  if (form instanceof Boolean || form instanceof BigInt) return form.valueOf();
  return form;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Bytes of a primitive's JSON, `undefined` when JSON cannot hold it (a BigInt). */
function primitiveBytes(value: unknown, budget: number): number | undefined {
  if (value === null) return 4;
  if (value === true) return 4;
  if (value === false) return 5;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'string') return stringBytes(value, budget);
  return undefined;
}

/**
 * Bytes of a string as JSON writes it, quotes included; past `budget` it stops counting and
 * returns a number over it.
 */
function stringBytes(text: string, budget: number): number {
  // Every code unit takes at least one byte.
  if (text.length + 2 > budget) return text.length + 2;
  let bytes = 2;
  for (let at = 0; at < text.length && bytes <= budget; at += 1) {
    const code = text.charCodeAt(at);
    if (code < 0x80) bytes += asciiBytes(code);
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        at += 1;
      } else {
        bytes += 6; // a lone surrogate is written as \udXXX
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

function asciiBytes(code: number): number {
  if (code === 0x22 || code === 0x5c) return 2; // \" and \\
  if (code >= 0x20) return 1;
  // \b \t \n \f \r have short escapes; other control characters are written \u00XX.
  return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
}
