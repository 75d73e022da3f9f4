import fc from 'fast-check';
import { wellFormed } from './wellFormed';

/** One generated request, before ids of records made earlier are filled in. */
export interface FuzzRequest {
  method: string;
  /** A route template of the server (`/instances/:instance_id/execute`) or a made-up path. */
  pathTemplate: string;
  /** What each `:param` becomes: an id seen earlier, or any string. */
  paramChoices: Array<{ known: boolean; pick: number; raw: string }>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A route of the server under test, as Hono lists it. */
export interface FuzzRoute {
  method: string;
  path: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const NODE_TYPES = [
  'manual_trigger',
  'webhook_trigger',
  'schedule_trigger',
  'http_request',
  'condition',
  'switch',
  'transform',
  'delay',
  'merge',
  'set_variable',
  'log',
  'code',
  'nope',
];
const RESERVED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Strings an attacker tries: empty, huge, NUL, unicode, reserved keys, expressions, escapes. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '💥',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    "'; DROP TABLE instances; --",
    '<script>alert(1)</script>',
    '{{ steps.x.y }}',
    '{{ input["',
    `{{ input["${'\\'.repeat(60)}x }}`,
    '{{',
    '}}',
    '{{ vars.__proto__ }}',
    'http://127.0.0.1:1/',
    'http://[::1]/',
    'http://2130706433/',
    ...RESERVED,
  ),
  fc.integer({ min: 1, max: 20_000 }).map((length) => 'x'.repeat(length)),
);

/** Any JSON, nested a little or very deep, with hostile strings and keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(fc.oneof(hostileString, fc.constantFrom(...RESERVED)), hostileString, {
        maxKeys: 5,
      })
      .map((value) => value as unknown),
  },
  // Deeper than the API's limit, yet shallow enough for JSON.stringify to write the body.
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 1_000 }).map(nested) },
);

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

/** Parameter values shaped like what components take, broken in every way a user can. */
const parameterValues = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'message',
      'url',
      'method',
      'headers',
      'body',
      'ms',
      'left',
      'operator',
      'right',
      'name',
      'value',
      'cron',
      'code',
      'timeout_ms',
      'credential',
      'auth',
    ),
    hostileString,
  ),
  fc.oneof(
    hostileString,
    hostileJson,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.record({ credential_id: hostileString }),
  ),
  { maxKeys: 5 },
);

const nodeArbitrary = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'start'), hostileString),
    type: fc.constantFrom(...NODE_TYPES),
    position: fc.oneof(
      fc.record({ x: fc.double(), y: fc.double() }),
      hostileJson.map((value) => value as { x: number; y: number }),
    ),
    data: fc.oneof(
      fc.record(
        {
          parameters: parameterValues,
          label: hostileString,
          settings: fc.record(
            {
              timeout_ms: fc.integer({ min: -10, max: 100_000_000 }),
              retry: fc.record(
                {
                  max_attempts: fc.integer({ min: -1, max: 200 }),
                  backoff_ms: fc.integer({ min: -1, max: 10_000_000 }),
                  backoff_multiplier: fc.double({ min: -1, max: 200, noNaN: true }),
                },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ['parameters'] },
      ),
      hostileJson,
    ),
  },
  { requiredKeys: ['id', 'type'] },
);

const edgeArbitrary = fc.record(
  {
    id: fc.oneof(fc.constantFrom('e1', 'e2', 'e3'), hostileString),
    source: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'start'), hostileString),
    target: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'start'), hostileString),
    sourceHandle: fc.oneof(
      fc.constantFrom(null, 'success', 'error', 'true', 'false', 'output', '__proto__'),
      hostileString,
    ),
    targetHandle: fc.oneof(fc.constantFrom(null, 'input', 'constructor'), hostileString),
  },
  { requiredKeys: ['id', 'source', 'target'] },
);

/** A workflow that validates: trigger → one of a few steps, with user-typed values in it. */
const validWorkflow = fc
  .record({
    message: hostileString,
    code: fc.constantFrom(
      'return { n: input.n ?? 1 }',
      'while (true) {}',
      'return new Array(1e9).fill(1)',
      'return this.constructor.constructor("return process")()',
      'console.log("hi"); return {}',
    ),
    url: fc.constantFrom('http://127.0.0.1:1/', 'http://169.254.169.254/latest', 'http://[::1]/'),
    kind: fc.constantFrom('log', 'code', 'http_request', 'transform'),
  })
  .map(({ message, code, url, kind }) => {
    const parameters: Record<string, unknown> = {
      log: { message: message || 'x' },
      code: { code, timeout_ms: 50 },
      http_request: { url },
      transform: { mapping: { a: message } },
    }[kind]!;
    return {
      nodes: [
        { id: 'start', type: 'manual_trigger', data: { parameters: {} } },
        { id: 'step', type: kind, data: { parameters } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'step' }],
    };
  });

/** Workflow documents: plausible ones, broken ones, and anything at all. */
const workflowData: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: validWorkflow },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        nodes: fc.array(nodeArbitrary, { maxLength: 6 }),
        edges: fc.array(edgeArbitrary, { maxLength: 6 }),
        extra: hostileJson,
      },
      { requiredKeys: ['nodes'] },
    ),
  },
  { weight: 1, arbitrary: hostileJson },
);

/** Bodies for the routes that read one: mostly well-formed (so requests get past the first check), then broken. */
const name = fc.oneof({ weight: 3, arbitrary: fc.constant('Fuzz') }, hostileString);
const structuredBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ name, workflow_data: workflowData }) },
  {
    weight: 1,
    arbitrary: fc.record(
      { name: hostileString, workflow_data: workflowData, workflow_id: hostileString },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      input_data: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, hostileJson),
    }),
  },
  { weight: 1, arbitrary: fc.record({ input_data: hostileJson, extra: hostileString }) },
  {
    weight: 2,
    arbitrary: fc.record({
      name,
      type: fc.oneof(fc.constantFrom('bearer', 'basic', 'header'), hostileString),
      data: fc.oneof(
        { weight: 3, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 4 }) },
        hostileJson,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ step_id: hostileString, data: hostileJson }) },
);

const body: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: structuredBody.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string(),
      fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '\u0000', '{"name":"x"}{}'),
      // Nesting no serializer could write: the text itself, thousands of levels deep.
      fc
        .integer({ min: 1_000, max: 100_000 })
        .map((levels) => `{"input_data":{"a":${'['.repeat(levels)}${']'.repeat(levels)}}}`),
    ),
  },
);

/**
 * JSON most of the time, so most requests reach the handlers (JSON routes answer 415 to any
 * other type, and to a body of none); now and then what a cross-site page could send.
 */
const contentType = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
      'garbage/\u00ff',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const headers = fc
  .record(
    {
      'content-type': contentType,
      authorization: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.constantFrom('Bearer user-a', 'Bearer user-b', 'Bearer user-c'),
        },
        { weight: 1, arbitrary: fc.constantFrom('Bearer ', 'Basic x', 'Bearer user-z') },
        {
          weight: 1,
          arbitrary: hostileString.map((text) => text.replace(/[^\t\x20-\x7e]/g, '')),
        },
      ),
      origin: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1'),
      'if-none-match': fc.constantFrom('*', 'W/"x"', ''),
    },
    { requiredKeys: ['authorization', 'content-type'] },
  )
  .map(
    // A header left out is absent, not the text "undefined".
    (record) =>
      Object.fromEntries(
        Object.entries(record).filter(([, value]) => value !== undefined),
      ) as Record<string, string>,
  );

/** Mostly none (routes refuse parameters they do not read, 400); else known and hostile ones. */
const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Array<[string, string]>>([]) },
  { weight: 2, arbitrary: queryParameters() },
);

function queryParameters() {
  return fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('limit', 'offset', 'status', 'since', 'type', 'version', 'token', 'cursor'),
        hostileString,
      ),
      fc.oneof(
        fc.constantFrom('0', '1', '-1', '50', '1e9', 'NaN', 'running', 'failed,completed', ''),
        hostileString,
      ),
    ),
    { maxLength: 3 },
  );
}

const paramChoice = fc.record({
  known: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
  pick: fc.nat(),
  raw: fc.oneof(fc.constantFrom('x', 'inst_missing', '%2F', '..'), hostileString),
});

/** Requests over the server's own routes (most of them) and over paths it does not have. */
export function fuzzRequest(routes: readonly FuzzRoute[]): fc.Arbitrary<FuzzRequest> {
  const known = fc.constantFrom(...routes);
  // Requests that make records come often, so the ones that read and run them find some.
  const makers = routes.filter(
    (route) =>
      route.method === 'POST' &&
      ['/instances', '/editor/save', '/credentials'].includes(route.path),
  );
  const route: fc.Arbitrary<FuzzRoute> = fc.oneof(
    { weight: 16, arbitrary: known },
    ...(makers.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...makers) }] : []),
    {
      weight: 1,
      arbitrary: fc.record({
        method: fc.constantFrom(...METHODS),
        path: fc
          .array(hostileString, { minLength: 1, maxLength: 4 })
          .map(
            (segments) =>
              `/${segments.map((segment) => encodeURIComponent(wellFormed(segment))).join('/')}`,
          ),
      }),
    },
  );
  return fc
    .record({
      route,
      // Mostly the route's own method; now and then one it does not serve.
      otherMethod: fc.oneof(
        { weight: 10, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      paramChoices: fc.array(paramChoice, { minLength: 3, maxLength: 3 }),
      query,
      headers,
      body,
    })
    .map(({ route, otherMethod, paramChoices, query, headers, body }) => ({
      method: otherMethod ?? route.method,
      pathTemplate: route.path,
      paramChoices,
      query,
      headers,
      body,
    }));
}
