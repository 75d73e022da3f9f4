import { CredentialSummarySchema } from '@flowloom/core';
import { z } from 'zod';

/** Most fields one credential holds. */
export const MAX_CREDENTIAL_FIELDS = 50;
/** Largest value of one field, in UTF-8 bytes (16 KiB). */
export const MAX_CREDENTIAL_VALUE_BYTES = 16 * 1024;

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
      } else if (new TextEncoder().encode(value).byteLength > MAX_CREDENTIAL_VALUE_BYTES) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `At most ${MAX_CREDENTIAL_VALUE_BYTES} bytes`,
        });
      }
    }
  })
  .transform((data) => Object.fromEntries(Object.entries(data)) as Record<string, string>)
  .meta({
    description: `The secret fields: up to ${MAX_CREDENTIAL_FIELDS} strings of at most ${MAX_CREDENTIAL_VALUE_BYTES} bytes each. Never returned.`,
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_CREDENTIAL_VALUE_BYTES },
  });

const CredentialNameSchema = z.string().trim().min(1, 'Name must not be empty').max(200);

/** A credential type: what a `secret` parameter's `credential_type` names. */
const CredentialTypeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Type is 1-100 letters, digits, "_", ".", ":" or "-"');

/** `POST /credentials`. */
export const CreateCredentialRequestSchema = z.strictObject({
  name: CredentialNameSchema,
  type: CredentialTypeSchema,
  data: CredentialDataSchema,
});

/** `PUT /credentials/{id}`: a new name, new data (replacing all of it), or both. */
export const UpdateCredentialRequestSchema = z
  .strictObject({ name: CredentialNameSchema.optional(), data: CredentialDataSchema.optional() })
  .refine((body) => body.name !== undefined || body.data !== undefined, {
    message: 'Give name or data',
    path: ['name'],
  });

/** `GET /credentials` query. */
export const ListCredentialsQuerySchema = z.object({
  type: CredentialTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /credentials` answer. */
export const CredentialListResponseSchema = z.object({
  credentials: z.array(CredentialSummarySchema),
  total: z.number().int(),
});
