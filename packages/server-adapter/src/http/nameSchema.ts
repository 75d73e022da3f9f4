import { z } from 'zod';

/** Most characters of a name, once the spaces around it are trimmed. */
export const MAX_NAME_LENGTH = 200;

/**
 * 1–200 characters that are not all white space, with any white space around them (which is
 * trimmed). `\s` is exactly the set `String.prototype.trim` removes, so the pattern and the trim
 * agree on every string.
 */
const TRIMMED_NAME = new RegExp(`^\\s*\\S(?:[\\s\\S]{0,${MAX_NAME_LENGTH - 2}}\\S)?\\s*$`);

/**
 * The name of a workflow, a run or a credential as a request gives it: trimmed, then 1–200
 * characters. `whenMissing` is the message for a body without it.
 *
 * @remarks Checked by one pattern rather than `trim().min(1).max(200)`, so the documented JSON
 * Schema refuses exactly what the server refuses (`" "`, and 201 characters between spaces).
 */
export function nameSchema(whenMissing?: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? whenMissing : undefined) })
    .regex(TRIMMED_NAME, {
      error: (issue) =>
        typeof issue.input === 'string' && issue.input.trim() === ''
          ? 'Name must not be empty'
          : `Name must be at most ${MAX_NAME_LENGTH} characters`,
    })
    .trim();
}

/** A name as a request gives it (see {@link nameSchema}). */
export const NameSchema = nameSchema();
