import fc from 'fast-check';
import { createDocumentValidator, type DocumentValidator } from './documentValidator.test-helpers';
import { type Hints, type JsonSchema, schemaArbitrary } from './schemaArbitrary.test-helpers';

/** What {@link runDocumentConformance} checks, and against which server. */
export interface ConformanceOptions {
  /** The server, without the base path: `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The OpenAPI document the server serves. */
  document: JsonSchema;
  /** Requests generated from each operation's schemas. */
  casesPerOperation: number;
  /** Requests per operation that break its schemas, each of which must be refused with a 4xx. */
  violationsPerOperation: number;
  seed: number;
  /** Ids of real records by parameter or property name (`instance_id`, `workflow_id`, ...). */
  hints: Hints;
  /** Operations left out, by `operationId`. */
  skip?: ReadonlySet<string>;
}

/** What a conformance run saw. */
export interface ConformanceReport {
  /** Answers by status, per `operationId`. */
  statuses: Record<string, Record<number, number>>;
  /** Requests sent. */
  requests: number;
  /** Each answer that the document does not describe, or a violation that was not refused. */
  failures: string[];
}

interface Operation {
  id: string;
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: read keyword by keyword, as the document says.
  spec: any;
}

interface GeneratedRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: { value: unknown } | undefined;
}

/** Sent as is: a raw body text and its content type, for the violations a body can't express. */
interface RawRequest {
  path: string;
  query: Array<[string, string]>;
  body?: string;
  contentType?: string;
  what: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** How the server words a refusal by its request schemas (`parseInput`). */
const SCHEMA_REFUSAL =
  /^Invalid (instance|workflow|workflow file|query|credential|execute request|resume request): /;

/**
 * A conformance test derived from an OpenAPI document alone: for every operation, requests
 * generated from its parameters' and body's schemas (fast-check) must get an answer the
 * operation lists, in its documented content type, whose body validates against the documented
 * schema (ajv, compiled from the document); requests that break the schemas (a missing or
 * mistyped field, an unknown field or query parameter, a body that is not JSON, or not
 * declared as JSON) must be refused with a 4xx. A 500 is always a failure.
 */
export async function runDocumentConformance(
  options: ConformanceOptions,
): Promise<ConformanceReport> {
  const { document } = options;
  const validator = createDocumentValidator(document);
  const resolve = (ref: string) =>
    ref
      .slice(2)
      .split('/')
      .reduce(
        (node: JsonSchema, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        document,
      );
  const context = { resolve, hints: options.hints };
  const report: ConformanceReport = { statuses: {}, requests: 0, failures: [] };
  // Deletions last, so the records the other operations reach still exist.
  const operations = operationsOf(document)
    .filter((operation) => !options.skip?.has(operation.id))
    .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
  for (const [index, operation] of operations.entries()) {
    const seed = options.seed + index;
    const generated = fc.sample(requestArbitrary(operation, context), {
      numRuns: options.casesPerOperation,
      seed,
    });
    for (const request of generated) {
      const raw = encode(operation, request);
      await check(options, validator, report, operation, raw, false);
    }
    const violations = violationsOf(operation, generated, validator, resolve).slice(
      0,
      options.violationsPerOperation,
    );
    for (const raw of violations) await check(options, validator, report, operation, raw, true);
  }
  return report;
}

function operationsOf(document: JsonSchema): Operation[] {
  return Object.entries<JsonSchema>(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      id: item[method].operationId,
      method,
      path,
      spec: item[method],
    })),
  );
}

function requestArbitrary(
  operation: Operation,
  context: Parameters<typeof schemaArbitrary>[1],
): fc.Arbitrary<GeneratedRequest> {
  const parameters: JsonSchema[] = operation.spec.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const params = fc.record(
    Object.fromEntries(
      pathParameters.map((parameter) => {
        const known = context.hints[parameter.name] ?? [];
        // `.` and `..` segments are resolved away by the URL: they would name another path.
        const made = fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((text) =>
            text.split('/').every((segment) => segment !== '.' && segment !== '..'),
          );
        return [
          parameter.name,
          known.length > 0
            ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, made)
            : made,
        ];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.record(
    Object.fromEntries(
      queryParameters.map((parameter) => [
        parameter.name,
        schemaArbitrary(parameter.schema, context, parameter.name),
      ]),
    ),
    { requiredKeys: [] },
  );
  const bodySchema = operation.spec.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<GeneratedRequest['body']> = bodySchema
    ? operation.spec.requestBody.required
      ? schemaArbitrary(bodySchema, context).map((value) => ({ value }))
      : fc.option(
          schemaArbitrary(bodySchema, context).map((value) => ({ value })),
          { nil: undefined },
        )
    : fc.constant(undefined);
  return fc.record({ params, query, body });
}

function encode(operation: Operation, request: GeneratedRequest): RawRequest {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'path'
      ? request.params[name]!.split('/').map(encodeURIComponent).join('/')
      : encodeURIComponent(request.params[name]!),
  );
  const query = Object.entries(request.query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]): [string, string] => [key, String(value)]);
  return request.body
    ? {
        path,
        query,
        body: JSON.stringify(request.body.value),
        contentType: 'application/json',
        what: 'generated',
      }
    : { path, query, what: 'generated' };
}

/** Requests that break the operation's schemas, made from requests that fit them. */
function violationsOf(
  operation: Operation,
  generated: GeneratedRequest[],
  validator: DocumentValidator,
  resolve: (ref: string) => JsonSchema,
): RawRequest[] {
  const sample = generated[0];
  if (!sample) return [];
  const base = encode(operation, sample);
  const violations: RawRequest[] = [
    { ...base, query: [...base.query, ['zz_unknown', '1']], what: 'an unknown query parameter' },
  ];
  for (const parameter of operation.spec.parameters ?? []) {
    if (parameter.in === 'query' && parameter.schema?.type === 'integer') {
      violations.push({
        ...base,
        query: [[parameter.name, 'not-a-number']],
        what: `a query parameter ${parameter.name} that is not an integer`,
      });
    }
  }
  const bodySchema = operation.spec.requestBody?.content?.['application/json']?.schema;
  if (!bodySchema) return violations;
  const value = generated.find((request) => request.body)?.body?.value ?? {};
  const json = JSON.stringify(value);
  violations.push(
    { ...base, body: json, contentType: 'text/plain', what: 'a JSON body declared text/plain' },
    {
      ...base,
      body: json,
      contentType: 'application/x-www-form-urlencoded',
      what: 'a JSON body declared as a form',
    },
    { ...base, body: '{"broken":', contentType: 'application/json', what: 'broken JSON' },
  );
  // Body-less requests without a Content-Type are fine; a body without one is not.
  if (json !== '{}') {
    violations.push({
      ...base,
      body: json,
      contentType: undefined,
      what: 'a body without a Content-Type',
    });
  }
  const invalid = (candidate: unknown, what: string) => {
    if (validator.problems(bodySchema, candidate).length === 0) return;
    violations.push({
      ...base,
      body: JSON.stringify(candidate),
      contentType: 'application/json',
      what,
    });
  };
  invalid([value], 'a body that is an array');
  invalid('text', 'a body that is a string');
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    invalid({ ...record, zz_unknown: 1 }, 'an unknown field');
    const shape = resolveObject(bodySchema, resolve);
    for (const key of Object.keys(record)) {
      const { [key]: _dropped, ...rest } = record;
      if (shape.required.has(key)) invalid(rest, `without the required field ${key}`);
      invalid({ ...record, [key]: mistyped(record[key]) }, `a field ${key} of the wrong type`);
    }
  }
  return violations;
}

/** The required keys of an object schema (every branch of a oneOf / anyOf together). */
function resolveObject(schema: JsonSchema, resolve: (ref: string) => JsonSchema) {
  const required = new Set<string>();
  const visit = (node: JsonSchema) => {
    if (!node || typeof node !== 'object') return;
    if (node.$ref) return visit(resolve(node.$ref));
    for (const key of node.required ?? []) required.add(key);
    for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) visit(branch);
  };
  visit(schema);
  return { required };
}

/** A value of another JSON type than `value`'s. */
function mistyped(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'a string';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { not: 'an array' };
  if (value && typeof value === 'object') return ['not', 'an', 'object'];
  return true;
}

async function check(
  options: ConformanceOptions,
  validator: DocumentValidator,
  report: ConformanceReport,
  operation: Operation,
  raw: RawRequest,
  mustRefuse: boolean,
): Promise<void> {
  const url = new URL(`${options.baseUrl}${raw.path}`);
  for (const [key, value] of raw.query) url.searchParams.append(key, value);
  const headers: Record<string, string> = {};
  if (raw.contentType) headers['content-type'] = raw.contentType;
  const body = raw.body === undefined ? undefined : new TextEncoder().encode(raw.body);
  const label = `${operation.method.toUpperCase()} ${url.pathname}${url.search} (${operation.id}, ${raw.what}${raw.body ? `, body ${raw.body.slice(0, 200)}` : ''})`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: operation.method.toUpperCase(),
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    report.failures.push(`${label}: no answer (${error})`);
    return;
  }
  report.requests += 1;
  const text = await response.text();
  const statuses = report.statuses[operation.id] ?? {};
  report.statuses[operation.id] = statuses;
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  const fail = (why: string) => report.failures.push(`${label} → ${response.status}: ${why}`);
  if (response.status >= 500 && response.status !== 501 && response.status !== 503) {
    fail(`a server error: ${text.slice(0, 300)}`);
    return;
  }
  if (mustRefuse && (response.status < 400 || response.status >= 500)) {
    fail('a request that breaks the schema was not refused with a 4xx');
  }
  const documented =
    operation.spec.responses[String(response.status)] ?? operation.spec.responses.default;
  if (!documented) {
    fail(`not a documented answer (documented: ${Object.keys(operation.spec.responses)})`);
    return;
  }
  const content = documented.content as Record<string, { schema?: JsonSchema }> | undefined;
  if (!content) {
    if (text !== '') fail(`a body where the document describes none: ${text.slice(0, 200)}`);
    return;
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const media = content[type] ?? content['*/*'];
  if (!media) {
    fail(`content type "${type}", documented: ${Object.keys(content)}`);
    return;
  }
  if (type !== 'application/json' || !media.schema) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(`not JSON: ${text.slice(0, 200)}`);
    return;
  }
  // A body or query the document accepts must get past the server's own schema check (its
  // refusals read "Invalid <what>: <problems>"); other 400s (a workflow that fails validation,
  // an unknown step) are about meaning, which a schema can't say.
  const message = (parsed as { error?: { message?: unknown } })?.error?.message;
  if (
    !mustRefuse &&
    response.status === 400 &&
    typeof message === 'string' &&
    SCHEMA_REFUSAL.test(message)
  ) {
    fail(`the server refused a request the document accepts: ${message.slice(0, 300)}`);
  }
  const problems = validator.problems(media.schema, parsed);
  if (problems.length > 0) {
    fail(
      `the body does not match the documented schema: ${problems.slice(0, 5).join('; ')}: ${text.slice(0, 300)}`,
    );
  }
}
