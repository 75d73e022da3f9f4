import { afterEach, describe, expect, it } from 'vitest';
import {
  apiRoutesOf,
  BASE_PATH,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  type Json,
  logWorkflow,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import { buildOpenApiDocument } from './buildOpenApiDocument';
import { createDocumentValidator } from './conformance/documentValidator.test-helpers';

afterEach(closeTestServers);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The webhook route answers any method (a Hono `all` route, which `apiRoutesOf` leaves out) and
 * is documented under each method a trigger may listen to: its own test checks it.
 */
const isWebhookPath = (path: string) => path.includes('/webhooks/');

/** `/instances/:instance_id` → `/instances/{instance_id}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Every `{ method, path, operation }` of a document. */
function operationsOf(document: Json) {
  return Object.entries<Json>(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      operation: item[method],
    })),
  );
}

/** The schema a `$ref` points at in the document. */
function resolved(document: Json, schema: Json): Json {
  if (!schema?.$ref) return schema;
  return schema.$ref
    .slice(2)
    .split('/')
    .reduce((node: Json, key: string) => node?.[key], document);
}

/** The JSON schema of an operation's success answer. */
function successSchema(document: Json, path: string, method: string) {
  const responses = document.paths[`${BASE_PATH}${path}`][method].responses;
  const status = Object.keys(responses).find((code) => code.startsWith('2'))!;
  return responses[status].content['application/json'].schema;
}

/** Every value of `key` anywhere in a JSON value. */
function collect(value: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) collect(item, key, found);
  else if (value && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) {
      if (name === key) found.push(child);
      collect(child, key, found);
    }
  }
  return found;
}

describe('buildOpenApiDocument', () => {
  const document: Json = buildOpenApiDocument(BASE_PATH, { open: true });
  const validator = createDocumentValidator(document);
  const bodySchema = (path: string, method = 'post') =>
    document.paths[`${BASE_PATH}${path}`][method].requestBody.content['application/json'].schema;

  it('is an OpenAPI 3.1 document with a title, a version and a license', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({
      title: expect.any(String),
      version: expect.any(String),
      license: { name: 'MIT', identifier: 'MIT' },
    });
  });

  it('has every route of the app in `paths`, under its method, and nothing else', () => {
    const { server } = createTestServer();
    const routes = apiRoutesOf(server).map(
      ({ method, path }) => `${method.toLowerCase()} ${BASE_PATH}${toOpenApiPath(path)}`,
    );
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const documented = operationsOf(document)
      .filter(({ path }) => !isWebhookPath(path))
      .map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('follows the base path it is given', () => {
    const { server } = createTestServer({ basePath: '/flows/v2/' });
    const custom: Json = buildOpenApiDocument(server.basePath);
    const routes = apiRoutesOf(server).map(
      ({ method, path }) => `${method.toLowerCase()} /flows/v2${toOpenApiPath(path)}`,
    );
    const documented = operationsOf(custom)
      .filter(({ path }) => !isWebhookPath(path))
      .map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('gives each operation a unique operationId', () => {
    const ids = operationsOf(document).map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter as required', () => {
    for (const { path, operation } of operationsOf(document)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? [])
        .filter((parameter: Json) => parameter.in === 'path')
        .map((parameter: Json) => {
          expect(parameter.required).toBe(true);
          return parameter.name;
        });
      expect(declared, path).toEqual(names);
    }
  });

  it('gives every resource a named schema under components.schemas', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'Error',
        'Component',
        'WorkflowInstance',
        'InstanceSummary',
        'ExecutionStatus',
        'LogEntry',
        'SavedWorkflow',
        'WorkflowSummary',
        'WorkflowData',
        'WorkflowDetail',
        'Credential',
        'ExecutionEvent',
        'CreateInstanceRequest',
        'SaveWorkflowRequest',
      ]),
    );
    // Every success answer and request body is a reference to one of them.
    for (const { method, path, operation } of operationsOf(document)) {
      if (isWebhookPath(path) || path.endsWith('api.json')) continue;
      const success = Object.keys(operation.responses).find((code) => code.startsWith('2'))!;
      const schema = operation.responses[success].content?.['application/json']?.schema;
      if (success !== '204') expect(schema?.$ref, `${method} ${path}`).toMatch(/^#\/components/);
      const request = operation.requestBody?.content['application/json'].schema;
      if (request) expect(request.$ref, `${method} ${path}`).toMatch(/^#\/components/);
    }
  });

  it('documents the webhook route under each method a trigger listens to, without authentication', () => {
    const webhook = document.paths[`${BASE_PATH}/webhooks/{workflow_id}/{path}`];
    expect(Object.keys(webhook).sort()).toEqual(['delete', 'get', 'patch', 'post', 'put']);
    for (const operation of Object.values<Json>(webhook)) {
      expect(operation.security).toEqual([]);
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['200', '202', '401', '404', '405', '413', '429', '502', '503']),
      );
      expect(operation.responses['405'].headers.Allow).toBeDefined();
      expect(
        resolved(document, operation.responses['202'].content['application/json'].schema),
      ).toMatchObject({ properties: { instance_id: { type: 'string' } } });
    }
  });

  it('lists the error answers of every operation with the Error schema, 413 and 415 where a body is read', () => {
    for (const { method, path, operation } of operationsOf(document)) {
      if (isWebhookPath(path)) continue;
      const where = `${method} ${path}`;
      const success = Object.keys(operation.responses).filter((code) => code.startsWith('2'));
      expect(success, where).toHaveLength(1);
      const statuses = ['400', '401', '403', '404', '408', '421', '429', '500'];
      if (method !== 'get') statuses.push('413', '415');
      for (const status of statuses) {
        expect(operation.responses[status]?.content['application/json'].schema, where).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
      expect(operation.responses['429'].headers['Retry-After'], where).toBeDefined();
    }
    const execute = document.paths[`${BASE_PATH}/instances/{instance_id}/execute`].post;
    expect(Object.keys(execute.responses)).toEqual(expect.arrayContaining(['202', '409', '503']));
    expect(execute.responses['503'].headers['Retry-After']).toBeDefined();
    const credential = document.paths[`${BASE_PATH}/credentials`].post;
    expect(Object.keys(credential.responses)).toContain('501');
  });

  it('documents ETag on the component list and Content-Disposition on an export', () => {
    const list = document.paths[`${BASE_PATH}/components`].get.responses;
    expect(list['200'].headers.ETag).toEqual({ $ref: '#/components/headers/ETag' });
    expect(list['304'].headers.ETag).toBeDefined();
    const exported = document.paths[`${BASE_PATH}/workflows/{workflow_id}/export`].get.responses;
    expect(exported['200'].headers['Content-Disposition']).toBeDefined();
    expect(Object.keys(document.components.headers)).toEqual(
      expect.arrayContaining(['ETag', 'Retry-After', 'Allow', 'Content-Disposition']),
    );
  });

  it('gives every operation an example, and every example validates against its schema', () => {
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method} ${path}`;
      const examples = Object.entries<Json>(operation.responses).flatMap(([status, answer]) =>
        Object.values<Json>(answer.content ?? {})
          .filter((media) => media.example !== undefined)
          .map((media) => ({ status, media })),
      );
      expect(examples.length, where).toBeGreaterThan(0);
      for (const { status, media } of examples) {
        expect(validator.problems(media.schema, media.example), `${where} ${status}`).toEqual([]);
      }
      const request = operation.requestBody?.content['application/json'];
      if (request) {
        expect(request.example, where).toBeDefined();
        expect(validator.problems(request.schema, request.example), where).toEqual([]);
      }
    }
  });

  it('documents POST /instances as exactly one of a document or a saved workflow (oneOf)', () => {
    const schema = resolved(document, bodySchema('/instances'));
    expect(schema.oneOf).toHaveLength(2);
    const [fromDocument, fromSaved] = schema.oneOf;
    expect(fromDocument.required.sort()).toEqual(['name', 'workflow_data']);
    expect(fromSaved.required.sort()).toEqual(['name', 'workflow_id']);
    const problems = (body: unknown) => validator.problems(bodySchema('/instances'), body);
    expect(problems({ name: 'Run', workflow_id: 'wf_1' })).toEqual([]);
    expect(problems({ name: 'Run', workflow_id: 'wf_1', version: 2 })).toEqual([]);
    expect(problems({ name: 'Run', workflow_data: logWorkflow() })).toEqual([]);
    expect(problems({ name: 'Run', workflow_data: logWorkflow(), workflow_id: 'wf_1' })).toEqual(
      [],
    );
    // What the server refuses, the document refuses.
    expect(problems({ name: '0' })).not.toEqual([]);
    expect(problems({ name: '0', workflow_data: {} })).not.toEqual([]);
    expect(problems({ name: 'Run', workflow_data: logWorkflow(), version: 1 })).not.toEqual([]);
    expect(problems({ name: 'Run', workflow_id: 'wf_1', extra: 1 })).not.toEqual([]);
  });

  it('refuses a blank or over-long name, as the server does after trimming', () => {
    const problems = (name: string) =>
      validator.problems(bodySchema('/editor/save'), { name, workflow_data: logWorkflow() });
    expect(problems(' ')).not.toEqual([]);
    expect(problems('\t\n')).not.toEqual([]);
    expect(problems(`  ${'x'.repeat(201)}  `)).not.toEqual([]);
    expect(problems(`  ${'x'.repeat(200)}  `)).toEqual([]);
    expect(problems(' Flow ')).toEqual([]);
  });

  it('documents the 409 of a save based on an older version, with current_version', () => {
    const conflict = document.paths[`${BASE_PATH}/editor/save`].post.responses['409'];
    const schema = resolved(document, conflict.content['application/json'].schema);
    expect(schema.properties.error.properties.current_version).toMatchObject({ type: 'integer' });
    expect(schema.properties.error.required).toContain('current_version');
    const remove = document.paths[`${BASE_PATH}/instances/{instance_id}`].delete.responses;
    expect(Object.keys(remove)).toEqual(expect.arrayContaining(['204', '409']));
  });

  it('documents the list of runs as summaries, without documents, inputs or outputs', () => {
    const list = resolved(document, successSchema(document, '/instances', 'get'));
    expect(list.required.sort()).toEqual(['instances', 'next_cursor', 'total']);
    const summary = resolved(document, list.properties.instances.items);
    expect(Object.keys(summary.properties).sort()).toEqual([
      'created_at',
      'created_by',
      'duration_ms',
      'error',
      'finished_at',
      'instance_id',
      'name',
      'parent_instance_id',
      'progress',
      'started_at',
      'status',
      'trigger',
      'workflow_id',
      'workflow_version',
    ]);
  });

  it('gives a strict JSON request schema to every route that reads a body', () => {
    const withBody = {
      '/instances/{instance_id}/execute': ['input_data', 'until'],
      '/editor/save': ['workflow_id', 'name', 'workflow_data', 'expected_version'],
      '/workflows/import': ['flowloom_version', 'name', 'workflow_data'],
      '/credentials': ['name', 'type', 'data'],
    };
    for (const [path, fields] of Object.entries(withBody)) {
      const schema = resolved(document, bodySchema(path));
      expect(schema.type, path).toBe('object');
      expect(schema.additionalProperties, path).toBe(false);
      expect(Object.keys(schema.properties).sort(), path).toEqual([...fields].sort());
    }
    const update = resolved(document, bodySchema('/credentials/{credential_id}', 'put'));
    expect(update.anyOf.map((branch: Json) => branch.required)).toEqual([['name'], ['data']]);
    expect(
      document.paths[`${BASE_PATH}/instances/{instance_id}/execute`].post.requestBody.required,
    ).toBe(false);
  });

  it('describes credential data as the server checks it', () => {
    const create = bodySchema('/credentials');
    const problems = (data: unknown) =>
      validator.problems(create, { name: 'Key', type: 'bearer', data });
    expect(problems({ token: 'x' })).toEqual([]);
    expect(problems({})).not.toEqual([]);
    expect(problems({ '1bad': 'x' })).not.toEqual([]);
    expect(problems({ __proto__: 'x', ok: 'y' })).toEqual([]);
    expect(problems(JSON.parse('{"__proto__":"x"}'))).not.toEqual([]);
    expect(problems({ token: 1 })).not.toEqual([]);
    expect(problems({ token: 'é'.repeat(16 * 1024) })).toEqual([]);
    expect(problems({ token: 'x'.repeat(16 * 1024 + 1) })).not.toEqual([]);
  });

  it('lists the query parameters each route reads', () => {
    const queryOf = (path: string) =>
      (document.paths[`${BASE_PATH}${path}`].get.parameters ?? [])
        .filter((parameter: Json) => parameter.in === 'query')
        .map((parameter: Json) => parameter.name)
        .sort();
    expect(queryOf('/instances')).toEqual([
      'created_after',
      'created_before',
      'cursor',
      'limit',
      'offset',
      'parent_instance_id',
      'status',
      'trigger_type',
      'workflow_id',
    ]);
    expect(queryOf('/instances/{instance_id}/logs')).toEqual(['limit', 'since']);
    expect(queryOf('/editor/list')).toEqual(['limit', 'offset']);
    expect(queryOf('/editor/load/{workflow_id}')).toEqual(['version']);
    expect(queryOf('/workflows/{workflow_id}/versions')).toEqual(['limit', 'offset']);
    expect(queryOf('/workflows/{workflow_id}/export')).toEqual(['version']);
    expect(queryOf('/credentials')).toEqual(['limit', 'offset', 'type']);
    expect(queryOf('/components')).toEqual([]);
    const parameters = document.paths[`${BASE_PATH}/instances`].get.parameters;
    const status = parameters.find((parameter: Json) => parameter.name === 'status');
    expect(new RegExp(status.schema.pattern).test('failed,cancelled')).toBe(true);
    expect(new RegExp(status.schema.pattern).test('sleeping')).toBe(false);
    const limit = parameters.find((parameter: Json) => parameter.name === 'limit');
    expect(limit.schema).toMatchObject({ maximum: 200, default: 50 });
  });

  it('resolves every $ref within the document', () => {
    const refs = collect(document, '$ref') as string[];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<Json>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
      expect(target, ref).toEqual(expect.any(Object));
    }
  });

  it('describes the error answer as { error: { code, message, issues } }', () => {
    const error = document.components.schemas.Error;
    expect(error.required).toEqual(['error']);
    expect(error.properties.error.required.sort()).toEqual(['code', 'issues', 'message']);
  });

  it('requires nothing of an open server, and the host’s schemes of one with authenticate', () => {
    expect(document.security).toEqual([]);
    expect(document.components.securitySchemes).toBeUndefined();
    const secured: Json = buildOpenApiDocument(BASE_PATH, {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
      },
      servers: [{ url: 'https://api.example.com', description: 'Production' }],
    });
    expect(secured.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
    });
    expect(secured.security).toEqual([{ bearerAuth: [] }, { session: [] }]);
    expect(secured.servers).toEqual([
      { url: 'https://api.example.com', description: 'Production' },
    ]);
    const custom: Json = buildOpenApiDocument(BASE_PATH, {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      security: [{ bearerAuth: ['workflows'] }],
      info: { title: 'Acme workflows', license: { name: 'Proprietary' } },
    });
    expect(custom.security).toEqual([{ bearerAuth: ['workflows'] }]);
    expect(custom.info).toMatchObject({
      title: 'Acme workflows',
      license: { name: 'Proprietary' },
    });
  });
});

describe('GET /openapi.json and /asyncapi.json', () => {
  it('answers the document built for the server, with the origin asked as its server', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const { servers, ...rest } = response.body;
    expect(servers).toEqual([{ url: 'http://test' }]);
    expect(rest).toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument(BASE_PATH, { open: true }))),
    );
  });

  it('describes the host’s authentication and servers given as openapi options', async () => {
    const { request } = createTestServer({
      authenticate: () => ({ id: 'u' }),
      openapi: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
        servers: [{ url: 'https://api.example.com' }],
      },
    });
    const { body } = await request('GET', '/openapi.json');
    expect(body.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(body.security).toEqual([{ bearerAuth: [] }]);
    expect(body.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  it('answers the AsyncAPI document of the WebSocket', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/asyncapi.json');
    expect(response.status).toBe(200);
    expect(response.body.asyncapi).toBe('3.0.0');
    expect(response.body.servers.api).toMatchObject({ host: 'test', protocol: 'ws' });
  });

  it('refuses a query parameter on the documents', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/openapi.json?format=yaml');
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'format', message: 'Unknown query parameter "format"' },
    ]);
  });
});

describe('documented answers match real ones', () => {
  async function documented(t: ReturnType<typeof createTestServer>) {
    const document = (await t.request('GET', '/openapi.json')).body;
    const validator = createDocumentValidator(document);
    return (method: string, path: string, status: number, body: unknown) => {
      const answer = document.paths[`${BASE_PATH}${path}`][method.toLowerCase()].responses[status];
      expect(answer, `${method} ${path} ${status}`).toBeDefined();
      const schema = answer.content?.['application/json']?.schema;
      expect(validator.problems(schema, body), `${method} ${path} ${status}`).toEqual([]);
      expect(validator.problems(schema, { unexpected: true }), `${method} ${path}`).not.toEqual([]);
    };
  }

  it('validates real success answers against the documented schemas', async () => {
    const t = createTestServer();
    const matches = await documented(t);
    const check = async (method: string, path: string, documentedPath: string, body?: unknown) => {
      const response = await t.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      matches(method, documentedPath, response.status, response.body);
      return response.body;
    };
    await check('GET', '/components', '/components');
    await check('GET', '/components/log', '/components/{component_type}');
    const saved = await check('POST', '/editor/save', '/editor/save', {
      name: 'Flow',
      workflow_data: logWorkflow(),
    });
    await check('GET', `/editor/load/${saved.workflow_id}`, '/editor/load/{workflow_id}');
    await check('GET', '/editor/list', '/editor/list');
    const instance = await check('POST', '/instances', '/instances', {
      name: 'Run',
      workflow_id: saved.workflow_id,
    });
    const id = instance.instance_id;
    await check('POST', `/instances/${id}/execute`, '/instances/{instance_id}/execute', {
      input_data: { who: 'Ada' },
    });
    await waitForFinalStatus(t, id);
    await check('GET', '/instances', '/instances');
    await check('GET', `/instances/${id}`, '/instances/{instance_id}');
    await check('GET', `/instances/${id}/status`, '/instances/{instance_id}/status');
    await check('GET', `/instances/${id}/logs`, '/instances/{instance_id}/logs');
    await check('GET', `/instances?workflow_id=${saved.workflow_id}&limit=1`, '/instances');
    await check(
      'GET',
      `/workflows/${saved.workflow_id}/versions`,
      '/workflows/{workflow_id}/versions',
    );
    const file = await check(
      'GET',
      `/workflows/${saved.workflow_id}/export?version=1`,
      '/workflows/{workflow_id}/export',
    );
    await check('POST', '/workflows/import', '/workflows/import', file);
    const waiting = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, waiting.instance_id);
    const stopped = await check(
      'POST',
      `/instances/${waiting.instance_id}/stop`,
      '/instances/{instance_id}/stop',
    );
    expect(stopped.status).toBe('cancelled');
  });

  it('validates real activation, workflow and webhook answers against the documented schemas', async () => {
    const t = createTestServer();
    const matches = await documented(t);
    const workflow_data = {
      nodes: [
        { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in' } } },
        { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '0 * * * *' } } },
      ],
    };
    const saved = await t.request('POST', '/editor/save', { name: 'Hooked', workflow_data });
    const id = saved.body.workflow_id;
    const activated = await t.request('POST', `/workflows/${id}/activate`);
    matches('POST', '/workflows/{workflow_id}/activate', 200, activated.body);
    const detail = await t.request('GET', `/workflows/${id}`);
    matches('GET', '/workflows/{workflow_id}', 200, detail.body);
    const saveAgain = await t.request('POST', '/editor/save', {
      workflow_id: id,
      name: 'Hooked',
      workflow_data,
    });
    expect(saveAgain.body.activation).toEqual({ active: true, active_version: 2 });
    matches('POST', '/editor/save', 200, saveAgain.body);
    const hook = await t.request('POST', `/webhooks/${id}/in`, { a: 1 });
    expect(hook.status).toBe(202);
    matches('POST', '/webhooks/{workflow_id}/{path}', 202, hook.body);
    const deactivated = await t.request('POST', `/workflows/${id}/deactivate`);
    matches('POST', '/workflows/{workflow_id}/deactivate', 200, deactivated.body);
  });

  it('validates real error answers against their documented schemas', async () => {
    const t = createTestServer();
    const matches = await documented(t);
    const instance = await createInstanceVia(t, logWorkflow());
    await executeVia(t, instance.instance_id);
    await waitForFinalStatus(t, instance.instance_id);
    const stop = await t.request('POST', `/instances/${instance.instance_id}/stop`);
    matches('POST', '/instances/{instance_id}/stop', 409, stop.body);
    const invalid = await t.request('POST', '/instances', { name: 1 });
    matches('POST', '/instances', 400, invalid.body);
    const plain = await t.request('POST', '/instances', 'x', { 'content-type': 'text/plain' });
    matches('POST', '/instances', 415, plain.body);
    const saved = await t.request('POST', '/editor/save', {
      name: 'F',
      workflow_data: logWorkflow(),
    });
    const save = { workflow_id: saved.body.workflow_id, name: 'F', workflow_data: logWorkflow() };
    await t.request('POST', '/editor/save', { ...save, expected_version: 1 });
    const conflict = await t.request('POST', '/editor/save', { ...save, expected_version: 1 });
    matches('POST', '/editor/save', 409, conflict.body);
  });
});
