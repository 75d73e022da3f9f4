import { deepEqual } from './deepEqual';
import { isPlainObject } from './isPlainObject';

/** The operators a condition can apply, in the order its form lists them. */
export const COMPARISON_OPERATORS = [
  'equals',
  'not_equals',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
] as const;

/** One of the {@link COMPARISON_OPERATORS}. */
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

// Plain decimal notation only: `Number()` would also accept '', '0x1f' and 'Infinity'.
const NUMERIC_STRING = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/**
 * Applies a comparison operator to two values.
 *
 * @example
 * compareValues(5, 'gt', '3'); // true: numeric strings compare as numbers
 * compareValues({ a: [1] }, 'equals', { a: [1] }); // true: deep equality
 * compareValues(['x', 'y'], 'contains', 'y'); // true
 *
 * @remarks
 * - `equals` / `not_equals`: deep equality for arrays and objects; a number and a numeric string
 *   compare as numbers (`1` equals `'1.0'`); anything else by `===`.
 * - `gt` / `gte` / `lt` / `lte`: numerically when both sides are numbers or numeric strings, by
 *   code unit order when both are other strings, otherwise false.
 * - `contains`: a substring of a string, a deep-equal element of an array, an own key of an object;
 *   otherwise false.
 * - `exists`: the left side is neither undefined nor null; the right side is ignored.
 */
export function compareValues(
  left: unknown,
  operator: ComparisonOperator,
  right: unknown,
): boolean {
  switch (operator) {
    case 'equals':
      return looselyEqual(left, right);
    case 'not_equals':
      return !looselyEqual(left, right);
    case 'gt':
      return ordered(left, right, (order) => order > 0);
    case 'gte':
      return ordered(left, right, (order) => order >= 0);
    case 'lt':
      return ordered(left, right, (order) => order < 0);
    case 'lte':
      return ordered(left, right, (order) => order <= 0);
    case 'contains':
      return contains(left, right);
    case 'exists':
      return left !== undefined && left !== null;
  }
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_STRING.test(value)) return Number(value);
  return undefined;
}

function looselyEqual(left: unknown, right: unknown): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    const a = toNumber(left);
    const b = toNumber(right);
    if (a !== undefined && b !== undefined) return a === b;
  }
  return deepEqual(left, right);
}

/** Whether `left` and `right` are ordered and their order passes `test` (given -1, 0 or 1). */
function ordered(left: unknown, right: unknown, test: (order: number) => boolean): boolean {
  const order = orderOf(left, right);
  return order !== undefined && test(order);
}

function orderOf(left: unknown, right: unknown): number | undefined {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a !== undefined && b !== undefined) return sign(a, b);
  if (typeof left === 'string' && typeof right === 'string') return sign(left, right);
  return undefined;
}

// undefined for NaN, which is neither before, after nor equal to anything.
function sign<T extends number | string>(a: T, b: T): number | undefined {
  if (a < b) return -1;
  if (a > b) return 1;
  return a === b ? 0 : undefined;
}

function contains(left: unknown, right: unknown): boolean {
  if (typeof left === 'string') {
    return (typeof right === 'string' || typeof right === 'number') && left.includes(String(right));
  }
  if (Array.isArray(left)) return left.some((item) => deepEqual(item, right));
  if (isPlainObject(left)) {
    return (
      (typeof right === 'string' || typeof right === 'number') && Object.hasOwn(left, String(right))
    );
  }
  return false;
}
