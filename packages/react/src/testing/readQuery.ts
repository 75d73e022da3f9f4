import type { ErrorIssue } from '@flowloom/core';
import { invalidInput } from './errorAnswer';

/** The bounds of one whole-number query parameter. */
export interface IntegerField {
  min: number;
  max?: number;
  default?: number;
}

/**
 * Reads whole-number query parameters as the server does, with their defaults.
 *
 * @throws FlowloomError `VALIDATION_FAILED` naming every parameter out of bounds.
 */
export function readQuery<K extends string>(
  url: URL,
  fields: Record<K, IntegerField>,
): Record<K, number | undefined> {
  const values = {} as Record<K, number | undefined>;
  const issues: ErrorIssue[] = [];
  for (const [name, field] of Object.entries(fields) as Array<[K, IntegerField]>) {
    const text = url.searchParams.get(name);
    if (text === null || text === '') {
      values[name] = field.default;
      continue;
    }
    const value = Number(text);
    if (
      !Number.isInteger(value) ||
      value < field.min ||
      (field.max !== undefined && value > field.max)
    ) {
      const range =
        field.max === undefined ? `at least ${field.min}` : `${field.min} to ${field.max}`;
      issues.push({ path: name, message: `Expected a whole number, ${range}` });
      continue;
    }
    values[name] = value;
  }
  if (issues.length > 0) throw invalidInput('query', issues);
  return values;
}
