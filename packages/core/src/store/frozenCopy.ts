import { deepFreeze } from './deepFreeze';

/**
 * The mark of a tree frozen whole by its maker (see {@link freezeOwned}). A symbol no other
 * module holds, on a non-enumerable property: invisible to JSON, `Object.keys` and equality, and
 * a property read to check (a `WeakSet` of every document would burden each garbage collection).
 */
const OWNED: unique symbol = Symbol('flowloom.ownedFrozen');

/** Deeper than this, the one-pass copy hands over to `structuredClone` (no recursion limit). */
const MAX_PASS_DEPTH = 200;

/**
 * Containers one pass copies at most: JSON can't share a reference, but host code can, and a
 * value sharing references level after level would take exponential time to copy by value.
 */
const MAX_PASS_CONTAINERS = 1_000_000;

/** Containers the current pass may still copy. */
let budget = 0;

/** A value the one-pass copy does not handle (a Date, a class instance, a cycle, ...). */
const UNUSUAL: unique symbol = Symbol('unusual');

/**
 * Marks a tree whose every object and array its maker created and froze (all but the root,
 * which this freezes), so that {@link frozenCopy} and the stores keep it as it is instead of
 * copying it again. Returns the tree.
 *
 * @remarks Only for trees nobody else holds a mutable reference into: the workflow parser's
 * output, for example.
 */
export function freezeOwned<T extends object>(tree: T): T {
  Object.defineProperty(tree, OWNED, { value: true });
  return Object.freeze(tree);
}

/** Whether a value is a tree marked with {@link freezeOwned}. */
export function isOwnedFrozen(value: unknown): boolean {
  // Its own mark only: an object made with the owned tree as its prototype inherits the mark
  // but is neither frozen nor the tree (`Object.create(document)`).
  return value !== null && typeof value === 'object' && Object.hasOwn(value, OWNED);
}

/**
 * A deep, frozen copy of JSON-like data, in one pass that copies and freezes plain objects and
 * arrays together: what a store keeps, so callers can neither change it nor see it change. An
 * owned tree (see {@link freezeOwned}) is returned as it is; anything unusual (a Date, a Map, a
 * class instance, a cycle, references shared past the pass's budget) is copied by `structuredClone` and then frozen, as before this pass existed.
 *
 * @throws DOMException `DataCloneError` for what `structuredClone` can't copy (functions,
 * symbols).
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Object.hasOwn(value, OWNED)) return value;
  budget = MAX_PASS_CONTAINERS;
  const copy = copyPlain(value, 0);
  return copy !== UNUSUAL ? (copy as T) : deepFreeze(structuredClone(value));
}

/** The frozen copy of a plain value, or {@link UNUSUAL}. */
function copyPlain(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? UNUSUAL : value;
  }
  if (depth > MAX_PASS_DEPTH || budget === 0) return UNUSUAL;
  budget -= 1;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Array.prototype) {
    const source = value as unknown[];
    const copy = new Array<unknown>(source.length);
    for (let at = 0; at < source.length; at += 1) {
      const item = source[at];
      // A hole: structuredClone keeps it, a copy by index would not.
      if (item === undefined && !(at in source)) return UNUSUAL;
      const itemCopy = copyPlain(item, depth + 1);
      if (itemCopy === UNUSUAL) return UNUSUAL;
      copy[at] = itemCopy;
    }
    return Object.freeze(copy);
  }
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL;
  const source = value as Record<string, unknown>;
  // A dictionary without a prototype stays one (a key such as `__proto__` is just a key there).
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  for (const key of Object.keys(source)) {
    const member = copyPlain(source[key], depth + 1);
    if (member === UNUSUAL) return UNUSUAL;
    if (key === '__proto__') defineMember(copy, key, member);
    else copy[key] = member;
  }
  return Object.freeze(copy);
}

/**
 * Defines an own data member: what JSON.parse makes of a `"__proto__"` key, which assigning
 * would turn into setting the prototype instead.
 */
export function defineMember(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
