import { z } from 'zod';

// The pieces every operation of the OpenAPI document is made of.

type Schema = z.ZodType;

/** A zod schema as draft 2020-12 JSON Schema, as a request (`input`) or an answer (`output`). */
export const toJson = (schema: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

/** An error answer: the shared `Error` schema. */
export const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** A JSON success answer. */
export const ok = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: toJson(schema, 'output') } },
});

/** A required JSON request body. */
export const body = (schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema: toJson(schema, 'input') } },
});

/** A required string path parameter. */
export const pathParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});

/** One optional query parameter per field of a query schema. */
export function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: toJson(field as Schema, 'input'),
  }));
}

/** The error answers every operation may give. */
export const standardErrors = {
  400: errorContent('Invalid input: every problem in error.issues'),
  401: errorContent('Not authenticated'),
  403: errorContent('Not allowed, or the resource belongs to another user'),
  404: errorContent('Not found'),
  408: errorContent('The request timed out'),
  413: errorContent('The body is over the size limit'),
  429: errorContent('Over a rate limit; see Retry-After'),
  500: errorContent('A bug; no details are given'),
};
