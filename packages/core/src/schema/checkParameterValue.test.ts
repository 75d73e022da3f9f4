import { describe, expect, it } from 'vitest';
import {
  checkParameterValue,
  describeType,
  findParameterValueProblem,
  isMissingValue,
} from './checkParameterValue';

describe('checkParameterValue', () => {
  it.each(['string', 'textarea'] as const)('accepts a string for %s', (type) => {
    expect(checkParameterValue({ type }, 'hello')).toBeUndefined();
  });

  it.each(['string', 'textarea'] as const)('rejects a number for %s', (type) => {
    expect(checkParameterValue({ type }, 5)).toBe('must be a string, got a number');
  });

  it('accepts a credential reference, with or without a field, for a secret', () => {
    expect(checkParameterValue({ type: 'secret' }, { credential_id: 'cred_1' })).toBeUndefined();
    expect(
      checkParameterValue({ type: 'secret' }, { credential_id: 'cred_1', field: 'password' }),
    ).toBeUndefined();
  });

  it('flags a literal string in a secret as a secret to store as a credential', () => {
    expect(findParameterValueProblem({ type: 'secret' }, 'hunter2')).toEqual({
      kind: 'literal_secret',
      message: expect.stringContaining('store it as a credential'),
    });
  });

  it("flags an imported workflow's { credential_type } placeholder as a credential to pick", () => {
    expect(findParameterValueProblem({ type: 'secret' }, { credential_type: 'smtp' })).toEqual({
      kind: 'missing_credential',
      message: 'needs a "smtp" credential: pick one',
    });
    expect(findParameterValueProblem({ type: 'secret' }, { credential_type: null })).toEqual({
      kind: 'missing_credential',
      message: 'needs a credential: pick one',
    });
  });

  it('does not take a placeholder with other keys, or in a non-secret parameter, for one', () => {
    expect(
      findParameterValueProblem({ type: 'secret' }, { credential_type: 'smtp', x: 1 }),
    ).toMatchObject({ kind: 'type' });
    expect(
      findParameterValueProblem({ type: 'json' }, { credential_type: 'smtp' }),
    ).toBeUndefined();
  });

  it.each([
    ['a number', 5],
    ['an object without credential_id', { field: 'password' }],
    ['a reference with an unknown key', { credential_id: 'cred_1', value: 'hunter2' }],
    ['an empty credential_id', { credential_id: '' }],
  ])('rejects %s for a secret as a wrong type', (_label, value) => {
    expect(findParameterValueProblem({ type: 'secret' }, value)).toMatchObject({
      kind: 'type',
      message: expect.stringMatching(/^must be a credential reference/),
    });
  });

  it('checks string length against min and max', () => {
    expect(checkParameterValue({ type: 'string', min: 3 }, 'ab')).toBe(
      'must be at least 3 characters',
    );
    expect(checkParameterValue({ type: 'string', max: 3 }, 'abcd')).toBe(
      'must be at most 3 characters',
    );
    expect(checkParameterValue({ type: 'string', min: 2, max: 3 }, 'abc')).toBeUndefined();
  });

  it('accepts a finite number', () => {
    expect(checkParameterValue({ type: 'number' }, 1.5)).toBeUndefined();
  });

  it('rejects a numeric string, NaN and Infinity for a number', () => {
    expect(checkParameterValue({ type: 'number' }, '5')).toBe('must be a number, got a string');
    expect(checkParameterValue({ type: 'number' }, Number.NaN)).toBe('must be a number, got NaN');
    expect(checkParameterValue({ type: 'number' }, Number.POSITIVE_INFINITY)).toBe(
      'must be a number, got Infinity',
    );
  });

  it('checks number bounds', () => {
    expect(checkParameterValue({ type: 'number', min: 1 }, 0)).toBe('must be at least 1');
    expect(checkParameterValue({ type: 'number', max: 10 }, 11)).toBe('must be at most 10');
    expect(checkParameterValue({ type: 'number', min: 1, max: 10 }, 10)).toBeUndefined();
  });

  it('rejects a fraction for an integer number', () => {
    expect(checkParameterValue({ type: 'number', integer: true }, 1.5)).toBe(
      'must be a whole number',
    );
    expect(checkParameterValue({ type: 'number', integer: true }, 2)).toBeUndefined();
  });

  it('accepts only true or false for a boolean', () => {
    expect(checkParameterValue({ type: 'boolean' }, false)).toBeUndefined();
    expect(checkParameterValue({ type: 'boolean' }, 'true')).toBe(
      'must be true or false, got a string',
    );
  });

  it('accepts only an option value for a select', () => {
    const rule = { type: 'select' as const, options: [{ value: 'a' }, { value: 1 }] };
    expect(checkParameterValue(rule, 'a')).toBeUndefined();
    expect(checkParameterValue(rule, 1)).toBeUndefined();
    expect(checkParameterValue(rule, '1')).toBe('must be one of "a", 1, got "1"');
  });

  it('accepts JSON values for json and rejects non-JSON ones', () => {
    const rule = { type: 'json' as const };
    for (const value of [null, 1, 'x', true, [1, { a: [null] }], { a: { b: 'c' } }]) {
      expect(checkParameterValue(rule, value)).toBeUndefined();
    }
    expect(checkParameterValue(rule, { a: () => 1 })).toBe('must be a JSON value, got an object');
    expect(checkParameterValue(rule, [Number.NaN])).toBe('must be a JSON value, got an array');
    expect(checkParameterValue(rule, undefined)).toBe('must be a JSON value, got undefined');
  });

  it('accepts anything for an expression parameter', () => {
    for (const value of [undefined, null, 1, 'x', { a: 1 }, () => 1]) {
      expect(checkParameterValue({ type: 'expression' }, value)).toBeUndefined();
    }
  });
});

describe('findParameterValueProblem', () => {
  it('calls a wrong type a type problem', () => {
    expect(findParameterValueProblem({ type: 'number' }, 'x')?.kind).toBe('type');
  });

  it('calls an out-of-bounds value a value problem', () => {
    expect(findParameterValueProblem({ type: 'number', max: 1 }, 2)?.kind).toBe('value');
  });

  it('calls a select value that is not an option a value problem', () => {
    expect(
      findParameterValueProblem({ type: 'select', options: [{ value: 'a' }] }, 'b')?.kind,
    ).toBe('value');
  });

  it('calls a boolean given to a select a type problem', () => {
    expect(
      findParameterValueProblem({ type: 'select', options: [{ value: 'a' }] }, true)?.kind,
    ).toBe('type');
  });

  it('finds no problem in an acceptable value', () => {
    expect(findParameterValueProblem({ type: 'string' }, 'ok')).toBeUndefined();
  });
});

describe('isMissingValue', () => {
  it('treats undefined, null and the empty string as missing', () => {
    expect([undefined, null, ''].map(isMissingValue)).toEqual([true, true, true]);
  });

  it('treats 0, false, a space and empty containers as present', () => {
    expect([0, false, ' ', [], {}].map(isMissingValue)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('describeType', () => {
  it('names each kind of value', () => {
    expect([null, [], {}, 'x', 1, true, Number.NaN, undefined].map(describeType)).toEqual([
      'null',
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
      'NaN',
      'undefined',
    ]);
  });
});

describe('checkParameterValue: JSON objects with undefined properties', () => {
  it('accepts an object whose property resolved to undefined, as JSON.stringify would drop it', () => {
    expect(checkParameterValue({ type: 'json' }, { total: undefined, count: 1 })).toBeUndefined();
  });

  it('still refuses undefined inside an array', () => {
    expect(checkParameterValue({ type: 'json' }, [1, undefined])).toMatch(/JSON value/);
  });
});
