import { describe, expect, it } from 'vitest';
import { compareValues } from './compareValues';

describe('compareValues', () => {
  describe('equals', () => {
    it('compares primitives strictly', () => {
      expect(compareValues('a', 'equals', 'a')).toBe(true);
      expect(compareValues('a', 'equals', 'A')).toBe(false);
      expect(compareValues(true, 'equals', 'true')).toBe(false);
      expect(compareValues(null, 'equals', undefined)).toBe(false);
      expect(compareValues(null, 'equals', null)).toBe(true);
    });

    it('compares a number with a numeric string numerically', () => {
      expect(compareValues(1, 'equals', '1')).toBe(true);
      expect(compareValues('1.0', 'equals', 1)).toBe(true);
      expect(compareValues(' 42 ', 'equals', 42)).toBe(true);
      expect(compareValues(1, 'equals', '2')).toBe(false);
    });

    it('does not treat two numeric strings as numbers', () => {
      expect(compareValues('1', 'equals', '1.0')).toBe(false);
    });

    it('does not treat empty, hex or word strings as numbers', () => {
      expect(compareValues(0, 'equals', '')).toBe(false);
      expect(compareValues(16, 'equals', '0x10')).toBe(false);
      expect(compareValues(Number.POSITIVE_INFINITY, 'equals', 'Infinity')).toBe(false);
    });

    it('compares arrays and objects deeply', () => {
      expect(compareValues({ a: [1, { b: 2 }] }, 'equals', { a: [1, { b: 2 }] })).toBe(true);
      expect(compareValues([1, 2], 'equals', [1, 2, 3])).toBe(false);
    });
  });

  describe('not_equals', () => {
    it('is the negation of equals', () => {
      expect(compareValues(1, 'not_equals', '1')).toBe(false);
      expect(compareValues({ a: 1 }, 'not_equals', { a: 2 })).toBe(true);
      expect(compareValues('x', 'not_equals', undefined)).toBe(true);
    });
  });

  describe('gt, gte, lt, lte', () => {
    it('compare numbers and numeric strings numerically', () => {
      expect(compareValues(10, 'gt', 9)).toBe(true);
      expect(compareValues('10', 'gt', '9')).toBe(true);
      expect(compareValues('10', 'lt', 9)).toBe(false);
      expect(compareValues(5, 'gte', '5.0')).toBe(true);
      expect(compareValues(5, 'lte', 5)).toBe(true);
      expect(compareValues(4, 'lt', 5)).toBe(true);
      expect(compareValues(5, 'gt', 5)).toBe(false);
    });

    it('compare other strings by code unit order', () => {
      expect(compareValues('b', 'gt', 'a')).toBe(true);
      expect(compareValues('apple', 'lt', 'banana')).toBe(true);
      expect(compareValues('a', 'gte', 'a')).toBe(true);
      expect(compareValues('10', 'gt', 'abc')).toBe(false);
    });

    it('are false for mixed or non-comparable types', () => {
      expect(compareValues(5, 'gt', 'abc')).toBe(false);
      expect(compareValues(5, 'lt', 'abc')).toBe(false);
      expect(compareValues(null, 'lt', 1)).toBe(false);
      expect(compareValues(undefined, 'gte', undefined)).toBe(false);
      expect(compareValues([2], 'gt', [1])).toBe(false);
      expect(compareValues(true, 'gt', false)).toBe(false);
    });

    it('are false when a side is NaN', () => {
      expect(compareValues(Number.NaN, 'gte', 1)).toBe(false);
      expect(compareValues(Number.NaN, 'lte', Number.NaN)).toBe(false);
    });
  });

  describe('contains', () => {
    it('finds a substring in a string', () => {
      expect(compareValues('hello world', 'contains', 'lo w')).toBe(true);
      expect(compareValues('order-42', 'contains', 42)).toBe(true);
      expect(compareValues('hello', 'contains', 'bye')).toBe(false);
    });

    it('finds a deep-equal element in an array', () => {
      expect(compareValues([1, 'a', { b: 2 }], 'contains', { b: 2 })).toBe(true);
      expect(compareValues([1, 2], 'contains', 2)).toBe(true);
      expect(compareValues([1, 2], 'contains', '2')).toBe(false);
    });

    it('finds an own key in an object', () => {
      expect(compareValues({ id: 1 }, 'contains', 'id')).toBe(true);
      expect(compareValues({ 0: 'x' }, 'contains', 0)).toBe(true);
      expect(compareValues({ id: 1 }, 'contains', 'toString')).toBe(false);
    });

    it('is false for anything else', () => {
      expect(compareValues(123, 'contains', 2)).toBe(false);
      expect(compareValues(null, 'contains', 'a')).toBe(false);
      expect(compareValues('abc', 'contains', null)).toBe(false);
      expect(compareValues({ a: 1 }, 'contains', { a: 1 })).toBe(false);
    });
  });

  describe('exists', () => {
    it('is true for any value but undefined and null', () => {
      for (const value of [0, '', false, [], {}])
        expect(compareValues(value, 'exists', undefined)).toBe(true);
      expect(compareValues(undefined, 'exists', 'ignored')).toBe(false);
      expect(compareValues(null, 'exists', 'ignored')).toBe(false);
    });
  });
});
