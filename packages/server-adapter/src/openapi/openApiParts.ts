import type { z } from 'zod';
import { ref, type SchemaName, toJson } from './openApiSchemas';

// The pieces every operation of the OpenAPI document is made of.

/** What each error status means, as every operation that may answer it says. */
const ERROR_STATUSES = {
  400: 'VALIDATION_FAILED: the body, a query parameter (an unknown one included) or the input is invalid; every problem in error.issues',
  401: 'UNAUTHENTICATED: the host’s authenticate hook refused the caller',
  403: 'FORBIDDEN: not allowed, or the record belongs to another user or tenant',
  404: 'NOT_FOUND: no such record',
  405: 'METHOD_NOT_ALLOWED: the path does not serve this method; see Allow',
  408: 'TIMEOUT: the request took longer than requestTimeoutMs',
  409: 'CONFLICT: the record is not in a state that allows this',
  413: 'PAYLOAD_TOO_LARGE: the body is over bodyLimit',
  415: 'UNSUPPORTED_MEDIA_TYPE: a body (or a declared Content-Type) that is not application/json',
  421: 'HOST_NOT_ALLOWED: the Host header is not one of the server’s allowedHosts',
  429: 'RATE_LIMITED or TOO_MANY_RUNS: over a rate limit, or the engine runs all it may; see Retry-After',
  500: 'INTERNAL_ERROR: a bug; no details are given',
  501: 'NOT_CONFIGURED: credentials are not configured (no credentialsKey)',
  502: 'RUN_FAILED: the run failed',
  503: 'SHUTTING_DOWN: the server is shutting down; see Retry-After',
} as const;

/** An error status an operation may answer. */
export type ErrorStatus = keyof typeof ERROR_STATUSES;

/** Statuses whose answers carry `Retry-After`. */
const WITH_RETRY_AFTER = new Set<number>([429, 503]);

/** The error answer of `status`: the shared `Error` schema, described by what it means here. */
export function errorAnswer(status: ErrorStatus, description: string = ERROR_STATUSES[status]) {
  return {
    description,
    ...(WITH_RETRY_AFTER.has(status)
      ? { headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } }
      : {}),
    content: {
      'application/json': {
        schema: ref('Error'),
        example: {
          error: {
            code: description.split(/[ :]/, 1)[0]!,
            message: description.slice(description.indexOf(':') + 1).trim(),
            issues: [],
          },
        },
      },
    },
  };
}

/**
 * The error answers of an operation: those every operation may give, those of a method that
 * reads a body (413, 415), then `extra`. `overrides` describe a status more precisely.
 */
export function errorAnswers(
  method: 'get' | 'post' | 'put' | 'delete',
  extra: readonly ErrorStatus[] = [],
  overrides: Partial<Record<ErrorStatus, string>> = {},
) {
  const statuses: ErrorStatus[] = [400, 401, 403, 404, 408, 421, 429, 500];
  if (method !== 'get') statuses.push(413, 415);
  statuses.push(...extra);
  return Object.fromEntries(
    [...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => [status, errorAnswer(status, overrides[status])]),
  );
}

/** A JSON success answer of a named schema, with its example. */
export function ok(name: SchemaName, example: unknown, description = 'OK') {
  return {
    description,
    content: { 'application/json': { schema: ref(name), example } },
  };
}

/** A JSON request body of a named schema, with its example. */
export function body(name: SchemaName, example: unknown, required = true) {
  return {
    required,
    content: { 'application/json': { schema: ref(name), example } },
  };
}

/** A required string path parameter. */
export function pathParameter(name: string, description?: string) {
  return {
    name,
    in: 'path',
    required: true,
    ...(description ? { description } : {}),
    schema: { type: 'string', minLength: 1 },
  };
}

/**
 * One optional query parameter per field of a query schema. The schemas are strict: the server
 * refuses any other parameter (400).
 */
export function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = toJson(field as z.ZodType, 'input');
    const { description, ...rest } = json as { description?: string };
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** `components.headers`: the response headers operations refer to. */
export const RESPONSE_HEADERS = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
  ETag: {
    description: 'A weak tag of the component list: send it back as If-None-Match',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'no-cache: revalidate with If-None-Match before each use',
    schema: { type: 'string' },
  },
  Allow: {
    description: 'The methods the path serves',
    schema: { type: 'string' },
  },
  'Content-Disposition': {
    description: 'attachment; filename="<name>.flowloom.json"; filename*=UTF-8\'\'<name>',
    schema: { type: 'string' },
  },
};
