/**
 * Whether `JSON.parse(JSON.stringify(value))` gives `value` back exactly: nothing but strings,
 * finite numbers (not `-0`), booleans, `null`, arrays and ordinary objects, no `undefined`
 * anywhere. A valid workflow document may hold what JSON can't say (a parameter of `NaN` or
 * `undefined`, a null-prototype object, set in code), and its text then reads back otherwise.
 *
 * @remarks Walks with a stack of its own, so no depth overflows it.
 */
export function isJsonExact(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    switch (typeof current) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(current) || Object.is(current, -0)) return false;
        continue;
      case 'object': {
        if (current === null) continue;
        if (Array.isArray(current)) {
          for (const element of current) pending.push(element);
          continue;
        }
        if (Object.getPrototypeOf(current) !== Object.prototype) return false;
        for (const key in current) pending.push((current as Record<string, unknown>)[key]);
        continue;
      }
      default:
        return false;
    }
  }
  return true;
}
