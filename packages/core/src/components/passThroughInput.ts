import { isPlainObject } from './isPlainObject';

/**
 * The output of a step that passes what flowed in on: a copy of the input when it is a plain
 * object, else `{ value: input }` (a step's `output_data` must be an object).
 */
export function passThroughInput(input: unknown): Record<string, unknown> {
  return isPlainObject(input) ? { ...input } : { value: input };
}
