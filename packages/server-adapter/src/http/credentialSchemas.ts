import { CredentialSummarySchema } from '@flowloom/core';
import { z } from 'zod';
import { NameSchema, nameSchema } from './nameSchema';

/** Most fields one credential holds. */
export const MAX_CREDENTIAL_FIELDS = 50;
/**
 * Longest value of one field, in characters (Unicode code points, as JSON Schema's `maxLength`
 * counts them, so the documented schema refuses exactly what the server refuses).
 */
export const MAX_CREDENTIAL_VALUE_LENGTH = 16 * 1024;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

/**
 * A credential's secret data: `{ [field]: string }`. Checked by hand rather than with
 * `z.record`, which drops a `__proto__` key silently: here it is refused like any bad name.
 */
const CredentialDataSchema = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'Expected an object of strings',
  )
  .superRefine((data, ctx) => {
    const fields = Object.keys(data);
    if (fields.length === 0) ctx.addIssue({ code: 'custom', message: 'Give at least one field' });
    if (fields.length > MAX_CREDENTIAL_FIELDS) {
      ctx.addIssue({ code: 'custom', message: `At most ${MAX_CREDENTIAL_FIELDS} fields` });
    }
    for (const field of fields) {
      const value = data[field];
      if (!FIELD_NAME.test(field) || field === '__proto__') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message:
            'Field names are 1-100 letters, digits, "_", "." or "-", starting with a letter or "_"',
        });
      } else if (typeof value !== 'string') {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Expected a string' });
      } else if (codePoints(value) > MAX_CREDENTIAL_VALUE_LENGTH) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `At most ${MAX_CREDENTIAL_VALUE_LENGTH} characters`,
        });
      }
    }
  })
  .transform((data) => Object.fromEntries(Object.entries(data)) as Record<string, string>)
  .meta({
    description: `The secret fields: 1 to ${MAX_CREDENTIAL_FIELDS} strings of at most ${MAX_CREDENTIAL_VALUE_LENGTH} characters each. Never returned.`,
    type: 'object',
    minProperties: 1,
    maxProperties: MAX_CREDENTIAL_FIELDS,
    propertyNames: { pattern: FIELD_NAME.source, not: { const: '__proto__' } },
    additionalProperties: { type: 'string', maxLength: MAX_CREDENTIAL_VALUE_LENGTH },
  });

/** How many code points a string has (a lone surrogate counts as one). */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** A credential type: what a `secret` parameter's `credential_type` names. */
const CredentialTypeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Type is 1-100 letters, digits, "_", ".", ":" or "-"');

/** `POST /credentials`. */
export const CreateCredentialRequestSchema = z.strictObject({
  name: NameSchema,
  type: CredentialTypeSchema,
  data: CredentialDataSchema,
});

/**
 * `PUT /credentials/{id}`: a new name, new data (replacing all of it), or both; a JSON Schema
 * `anyOf` of the two shapes.
 */
export const UpdateCredentialRequestSchema = z.union([
  z.strictObject({ name: nameSchema('Give name or data'), data: CredentialDataSchema.optional() }),
  z.strictObject({ name: NameSchema.optional(), data: CredentialDataSchema }),
]);

/** `GET /credentials` query. */
export const ListCredentialsQuerySchema = z.strictObject({
  type: CredentialTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /credentials` answer. */
export const CredentialListResponseSchema = z.object({
  credentials: z.array(CredentialSummarySchema),
  total: z.number().int(),
});
