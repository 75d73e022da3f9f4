import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
  const document: Json = buildOpenApiDocument(BASE_PATH);

  it('is an OpenAPI 3.1 document with a title and a version', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({
      title: expect.any(String),
      version: expect.any(String),
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

  it('documents the webhook route under each method a trigger listens to, with its answers', () => {
    const webhook = document.paths[`${BASE_PATH}/webhooks/{workflow_id}/{path}`];
    expect(Object.keys(webhook).sort()).toEqual(['delete', 'get', 'patch', 'post', 'put']);
    for (const operation of Object.values<Json>(webhook)) {
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['200', '202', '401', '404', '405', '413', '429', '502']),
      );
      expect(operation.responses['202'].content['application/json'].schema).toMatchObject({
        properties: { instance_id: { type: 'string' } },
      });
    }
  });

  it('gives every operation a JSON success answer with a schema (none for 204), and the error answers', () => {
    for (const { method, path, operation } of operationsOf(document)) {
      // A webhook answers 200 or 202 (its own test); every other route has one success answer.
      if (isWebhookPath(path)) continue;
      const where = `${method} ${path}`;
      const success = Object.keys(operation.responses).filter((code) => code.startsWith('2'));
      expect(success, where).toHaveLength(1);
      const schema = operation.responses[success[0]!].content?.['application/json']?.schema;
      if (success[0] === '204') expect(schema, where).toBeUndefined();
      else expect(schema, where).toEqual(expect.any(Object));
      for (const status of ['400', '401', '403', '404', '408', '413', '429', '500']) {
        expect(operation.responses[status]?.content['application/json'].schema, where).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
    }
  });

  it('documents the 409 of a save based on an older version, with current_version', () => {
    const conflict = document.paths[`${BASE_PATH}/editor/save`].post.responses['409'];
    const schema = conflict.content['application/json'].schema;
    expect(schema.properties.error.properties.current_version).toMatchObject({ type: 'integer' });
    expect(schema.properties.error.required).toContain('current_version');
    const remove = document.paths[`${BASE_PATH}/instances/{instance_id}`].delete.responses;
    expect(Object.keys(remove)).toEqual(expect.arrayContaining(['204', '409']));
  });

  it('documents the list of runs as summaries, without documents, inputs or outputs', () => {
    const list = successSchema(document, '/instances', 'get');
    expect(list.required.sort()).toEqual(['instances', 'next_cursor', 'total']);
    expect(Object.keys(list.properties.instances.items.properties).sort()).toEqual([
      'created_at',
      'created_by',
      'duration_ms',
      'error',
      'finished_at',
      'instance_id',
      'name',
      'progress',
      'started_at',
      'status',
      'workflow_id',
      'workflow_version',
    ]);
  });

  it('answers 201 for create, 202 for execute and 304 for a revalidated component list', () => {
    expect(Object.keys(document.paths[`${BASE_PATH}/instances`].post.responses)).toContain('201');
    const execute = document.paths[`${BASE_PATH}/instances/{instance_id}/execute`].post;
    expect(Object.keys(execute.responses)).toEqual(expect.arrayContaining(['202', '409']));
    const stop = document.paths[`${BASE_PATH}/instances/{instance_id}/stop`].post;
    expect(Object.keys(stop.responses)).toContain('409');
    expect(document.paths[`${BASE_PATH}/components`].get.responses['304']).toBeDefined();
  });

  it('gives a JSON request schema to every route that reads a body', () => {
    const withBody = {
      [`${BASE_PATH}/instances`]: ['name', 'workflow_data', 'workflow_id', 'version'],
      [`${BASE_PATH}/instances/{instance_id}/execute`]: ['input_data'],
      [`${BASE_PATH}/editor/save`]: ['workflow_id', 'name', 'workflow_data', 'expected_version'],
      [`${BASE_PATH}/workflows/import`]: ['flowloom_version', 'name', 'workflow_data'],
      [`${BASE_PATH}/credentials`]: ['name', 'type', 'data'],
      [`${BASE_PATH}/credentials/{credential_id}`]: ['name', 'data'],
    };
    for (const [path, fields] of Object.entries(withBody)) {
      const item = document.paths[path];
      const schema = (item.post ?? item.put).requestBody.content['application/json'].schema;
      expect(schema.type, path).toBe('object');
      expect(Object.keys(schema.properties).sort(), path).toEqual([...fields].sort());
    }
    const save = document.paths[`${BASE_PATH}/editor/save`].post.requestBody;
    expect(save.required).toBe(true);
    expect(save.content['application/json'].schema.required.sort()).toEqual([
      'name',
      'workflow_data',
    ]);
    expect(
      document.paths[`${BASE_PATH}/instances/{instance_id}/execute`].post.requestBody.required,
    ).toBe(false);
  });

  it('lists the query parameters each list route reads', () => {
    const queryOf = (path: string) =>
      document.paths[`${BASE_PATH}${path}`].get.parameters
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
    expect(Object.keys(error.properties.error.properties).sort()).toEqual([
      'code',
      'issues',
      'message',
    ]);
  });
});

describe('GET /openapi.json', () => {
  it('answers the document built for the server', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(BASE_PATH))));
  });
});

describe('documented answers match real ones', () => {
  it('validates real success answers against the documented schemas', async () => {
    const t = createTestServer();
    const document = (await t.request('GET', '/openapi.json')).body;
    const check = async (method: string, path: string, documented: string, body?: unknown) => {
      const response = await t.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      const schema = z.fromJSONSchema(successSchema(document, documented, method.toLowerCase()));
      const result = schema.safeParse(response.body);
      expect(result.error?.issues, `${method} ${path}`).toBeUndefined();
      expect(schema.safeParse({ unexpected: true }).success, `${method} ${path}`).toBe(false);
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
    const document = (await t.request('GET', '/openapi.json')).body;
    const check = (path: string, method: string, status: string, body: unknown) => {
      const documented = document.paths[`${BASE_PATH}${path}`][method].responses[status];
      const schema = z.fromJSONSchema(documented.content['application/json'].schema);
      expect(schema.safeParse(body).error?.issues, `${method} ${path}`).toBeUndefined();
    };
    const workflow_data = {
      nodes: [
        { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in' } } },
        { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '0 * * * *' } } },
      ],
    };
    const saved = await t.request('POST', '/editor/save', { name: 'Hooked', workflow_data });
    const id = saved.body.workflow_id;
    const activated = await t.request('POST', `/workflows/${id}/activate`);
    check('/workflows/{workflow_id}/activate', 'post', '200', activated.body);
    const detail = await t.request('GET', `/workflows/${id}`);
    check('/workflows/{workflow_id}', 'get', '200', detail.body);
    const saveAgain = await t.request('POST', '/editor/save', {
      workflow_id: id,
      name: 'Hooked',
      workflow_data,
    });
    expect(saveAgain.body.activation).toEqual({ active: true, active_version: 2 });
    check('/editor/save', 'post', '200', saveAgain.body);
    const hook = await t.request('POST', `/webhooks/${id}/in`, { a: 1 });
    expect(hook.status).toBe(202);
    check('/webhooks/{workflow_id}/{path}', 'post', '202', hook.body);
    const deactivated = await t.request('POST', `/workflows/${id}/deactivate`);
    check('/workflows/{workflow_id}/deactivate', 'post', '200', deactivated.body);
  });

  it('validates a real error answer against the Error schema', async () => {
    const t = createTestServer();
    const document = (await t.request('GET', '/openapi.json')).body;
    const errorSchema = z.fromJSONSchema(document.components.schemas.Error);
    const instance = await createInstanceVia(t, logWorkflow());
    await executeVia(t, instance.instance_id);
    await waitForFinalStatus(t, instance.instance_id);
    const stop = await t.request('POST', `/instances/${instance.instance_id}/stop`);
    expect(stop.status).toBe(409);
    expect(errorSchema.safeParse(stop.body).success).toBe(true);
    const invalid = await t.request('POST', '/instances', { name: 1 });
    expect(errorSchema.safeParse(invalid.body).success).toBe(true);
  });

  it('validates a real version conflict against its documented schema', async () => {
    const t = createTestServer();
    const document = (await t.request('GET', '/openapi.json')).body;
    const documented = document.paths[`${BASE_PATH}/editor/save`].post.responses['409'];
    const schema = z.fromJSONSchema(documented.content['application/json'].schema);
    const saved = await t.request('POST', '/editor/save', {
      name: 'F',
      workflow_data: logWorkflow(),
    });
    const save = { workflow_id: saved.body.workflow_id, name: 'F', workflow_data: logWorkflow() };
    await t.request('POST', '/editor/save', { ...save, expected_version: 1 });
    const conflict = await t.request('POST', '/editor/save', { ...save, expected_version: 1 });
    expect(conflict.status).toBe(409);
    expect(schema.safeParse(conflict.body).error?.issues).toBeUndefined();
  });
});
