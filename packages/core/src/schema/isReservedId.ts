/** Ids that would reach `Object.prototype` if a plain object were ever keyed by them. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether an id chosen by a user or a component author is refused: node, edge and handle ids
 * end up as keys of maps in hosts and in the editor, and these three would turn a plain object
 * into a prototype-pollution gadget.
 */
export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id);
}
