import { isCredentialPlaceholder } from '../credentials/credentialPlaceholder';
import { isCredentialReference } from '../credentials/credentialReference';
import type { ParameterType } from './parameterType';

/** The part of a parameter declaration that decides which values it accepts. */
export interface ParameterValueRule {
  type: ParameterType;
  options?: ReadonlyArray<{ value: string | number }> | undefined;
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
}

const TYPE_NAMES: Record<ParameterType, string> = {
  string: 'a string',
  textarea: 'a string',
  secret: 'a credential reference ({ credential_id, field? })',
  number: 'a number',
  boolean: 'true or false',
  select: 'one of the options',
  json: 'a JSON value',
  expression: 'any value',
};

/**
 * What is wrong with a value: its type, the value itself (out of bounds, not an option), a
 * secret written into the workflow instead of stored as a credential, or a credential still to
 * pick (an imported workflow's `{ credential_type }` placeholder).
 */
export interface ParameterValueProblem {
  kind: 'type' | 'value' | 'literal_secret' | 'missing_credential';
  message: string;
}

/**
 * Checks one present value against its parameter's rule.
 *
 * @returns `undefined` when the value is acceptable, else a message saying what is wrong.
 */
export function checkParameterValue(rule: ParameterValueRule, value: unknown): string | undefined {
  return findParameterValueProblem(rule, value)?.message;
}

/** Like {@link checkParameterValue}, telling a wrong type from a wrong value. */
export function findParameterValueProblem(
  rule: ParameterValueRule,
  value: unknown,
): ParameterValueProblem | undefined {
  if (rule.type === 'secret' && typeof value === 'string') {
    // The value would be stored in the workflow, its runs and its events for anyone to read.
    return {
      kind: 'literal_secret',
      message: 'holds the secret itself: store it as a credential and refer to it instead',
    };
  }
  if (rule.type === 'secret' && isCredentialPlaceholder(value)) {
    const type = value.credential_type === null ? 'a' : `a "${value.credential_type}"`;
    return { kind: 'missing_credential', message: `needs ${type} credential: pick one` };
  }
  const message = describeProblem(rule, value);
  if (message === undefined) return undefined;
  return { kind: isRightType(rule, value) ? 'value' : 'type', message };
}

function isRightType(rule: ParameterValueRule, value: unknown): boolean {
  switch (rule.type) {
    case 'string':
    case 'textarea':
      return typeof value === 'string';
    case 'secret':
      return isCredentialReference(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'select':
      return typeof value === 'string' || typeof value === 'number';
    case 'json':
      return isJsonValue(value);
    case 'expression':
      return true;
  }
}

function describeProblem(rule: ParameterValueRule, value: unknown): string | undefined {
  switch (rule.type) {
    case 'secret':
      return isCredentialReference(value)
        ? undefined
        : `must be ${TYPE_NAMES.secret}, got ${describeType(value)}`;
    case 'string':
    case 'textarea':
      if (typeof value !== 'string')
        return `must be ${TYPE_NAMES[rule.type]}, got ${describeType(value)}`;
      return checkBounds(value.length, rule, 'characters');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `must be a number, got ${describeType(value)}`;
      }
      if (rule.integer && !Number.isInteger(value)) return 'must be a whole number';
      return checkBounds(value, rule, '');
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `must be true or false, got ${describeType(value)}`;
    case 'select': {
      const allowed = rule.options ?? [];
      if (allowed.some((option) => option.value === value)) return undefined;
      return `must be one of ${allowed.map((o) => JSON.stringify(o.value)).join(', ')}, got ${JSON.stringify(value) ?? describeType(value)}`;
    }
    case 'json':
      return isJsonValue(value) ? undefined : `must be a JSON value, got ${describeType(value)}`;
    case 'expression':
      return undefined;
  }
}

/** Whether a value counts as missing for a required parameter. */
export function isMissingValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A short human name for a value's type, for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

function checkBounds(amount: number, rule: ParameterValueRule, unit: string): string | undefined {
  const suffix = unit ? ` ${unit}` : '';
  if (rule.min !== undefined && amount < rule.min) return `must be at least ${rule.min}${suffix}`;
  if (rule.max !== undefined && amount > rule.max) return `must be at most ${rule.max}${suffix}`;
  return undefined;
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object') {
    // Only plain objects: a Date, Map or class instance would not survive JSON.
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    // A property that is undefined (an expression that found nothing) is simply left out of
    // the JSON, as JSON.stringify does; it does not make the whole object invalid.
    return Object.values(value as Record<string, unknown>).every(
      (item) => item === undefined || isJsonValue(item, depth + 1),
    );
  }
  return false;
}
