// The seed's samples (workflow-builder-guide.md) that run on a server, each as the seed writes
// it: Python ported to TypeScript only where the language forces it, against a real server on
// 127.0.0.1. The React samples (2, 3, 4, the error boundary and the integration test) run in
// @flowloom/react's tests, through its hooks and components.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BaseWorkflowComponent,
  builtinComponents,
  ComponentCategory,
  ComponentRegistry,
  createExecutionContext,
  type ExecutionContext,
  type ExecutionResult,
  FlowloomError,
  HttpRequestComponent,
  MemoryStore,
  ParameterType,
  type WorkflowComponentMetadataInput,
} from '@flowloom/core';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkflowServer, type WorkflowServerOptions } from './createWorkflowServer';
import { httpStatusOf } from './http/httpStatusOf';
import { SqliteStore } from './stores/SqliteStore';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The workflow API on its own port of 127.0.0.1; closed after the test. */
async function listen(options: WorkflowServerOptions = {}) {
  const workflows = createWorkflowServer({
    store: new MemoryStore(),
    logger: { info() {}, warn() {}, error: console.error },
    sandbox: false,
    ...options,
  });
  const httpServer = serve({
    fetch: (request) => workflows.fetch(request),
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise<void>((resolve) => httpServer.once('listening', resolve));
  cleanups.push(async () => {
    await workflows.close({ graceMs: 0 });
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
  });
  const api = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/api/workflow`;
  const call = async (method: string, path: string, body?: unknown, headers = {}) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field below.
    return { status: response.status, body: (await response.json()) as any };
  };
  const finished = async (instanceId: string, headers = {}) => {
    for (let poll = 0; poll < 200; poll += 1) {
      const { body } = await call('GET', `/instances/${instanceId}/status`, undefined, headers);
      if (['completed', 'failed', 'cancelled'].includes(body.status)) return body;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${instanceId} did not finish`);
  };
  return { workflows, api, call, finished };
}

describe('Usage example 1: a new workflow component (EmailSenderComponent)', () => {
  // ---- the sample, in TypeScript ----
  class EmailSenderComponent extends BaseWorkflowComponent {
    static getMetadata(): WorkflowComponentMetadataInput {
      return {
        type: 'email_sender',
        name: 'Email Sender',
        description: 'Send emails with templates',
        category: ComponentCategory.OUTPUT_ACTIONS,
        icon: 'EnvelopeIcon',
        color: 'from-purple-500 via-purple-600 to-indigo-600',
        parameters: [
          {
            name: 'to_email',
            label: 'To Email',
            type: ParameterType.STRING,
            required: true,
            description: 'Recipient email address',
          },
          {
            name: 'subject',
            label: 'Subject',
            type: ParameterType.STRING,
            required: true,
            description: 'Email subject line',
          },
          {
            name: 'body',
            label: 'Email Body',
            type: ParameterType.TEXTAREA,
            required: true,
            description: 'Email content',
          },
        ],
        input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
        output_handles: [
          { id: 'success', type: 'source', position: 'right', label: 'Success' },
          { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
        ],
      };
    }

    async execute(context: ExecutionContext): Promise<ExecutionResult> {
      // Implementation here (the seed's `pass`: TypeScript needs a result)
      return { success: true, output_data: { to_email: context.input_data.to_email } };
    }
  }
  // ---- end of the sample ----

  it('is registered, listed by the server, and runs in a workflow', async () => {
    // Register the component (a registry of this test's own rather than the shared default one)
    const component_registry = new ComponentRegistry({ components: builtinComponents });
    component_registry.registerComponent(EmailSenderComponent);

    const { call, finished } = await listen({ registry: component_registry });
    const listed = await call('GET', '/components/email_sender');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ type: 'email_sender', category: 'output_actions' });
    const created = await call('POST', '/instances', {
      name: 'Send',
      workflow_data: {
        nodes: [
          { id: 'start', type: 'manual_trigger' },
          {
            id: 'mail',
            type: 'email_sender',
            data: { parameters: { to_email: 'ada@example.com', subject: 'Hi', body: 'Hello' } },
          },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'mail' }],
      },
    });
    expect(created.status).toBe(201);
    await call('POST', `/instances/${created.body.instance_id}/execute`, { input_data: {} });
    const status = await finished(created.body.instance_id);
    expect(status.status).toBe('completed');
    expect(status.steps.mail.output_data).toEqual({ to_email: 'ada@example.com' });
  });
});

describe('Usage example 3: creating and executing an instance, over the API', () => {
  it('accepts the empty workflow with an EMPTY_WORKFLOW warning and runs it to completed 0/0', async () => {
    const { call, finished } = await listen();
    // Create new instance
    const result = await call('POST', '/instances', {
      name: 'My Test Workflow',
      workflow_data: {
        nodes: [
          /* workflow nodes */
        ],
        edges: [
          /* workflow edges */
        ],
      },
    });
    expect(result.status).toBe(201);
    // Execute the instance
    const executed = await call('POST', `/instances/${result.body.instance_id}/execute`, {
      input_data: { test: true },
    });
    expect(executed.status).toBe(202);
    const status = await finished(result.body.instance_id);
    expect(status).toMatchObject({ status: 'completed', progress: { completed: 0, total: 0 } });

    const saved = await call('POST', '/editor/save', {
      name: 'Empty',
      workflow_data: { nodes: [], edges: [] },
    });
    expect(saved.body.validation).toEqual({
      valid: true,
      errors: [expect.objectContaining({ code: 'EMPTY_WORKFLOW', severity: 'warning' })],
    });
  });
});

describe('Security 2: authentication and authorization on execute', () => {
  it('answers 401 without a user, 403 to a user without permission, 202 to the owner', async () => {
    // get_current_user: the host's own; here a header names the user.
    const get_current_user = (request: Request) => {
      const id = request.headers.get('x-user');
      return id ? { id } : null;
    };
    const { call } = await listen({
      authenticate: get_current_user,
      // Verify user has permission to execute this workflow
      authorize: (user, action) => action !== 'instances:execute' || user.id !== 'viewer',
    });
    const ada = { 'x-user': 'ada' };
    const created = await call(
      'POST',
      '/instances',
      { name: 'Mine', workflow_data: { nodes: [{ id: 's', type: 'manual_trigger' }] } },
      ada,
    );
    const execute = (headers = {}) =>
      call('POST', `/instances/${created.body.instance_id}/execute`, {}, headers);
    expect((await execute()).status).toBe(401);
    expect((await execute({ 'x-user': 'viewer' })).status).toBe(403);
    expect((await execute(ada)).status).toBe(202);
  });
});

describe('Security 3: rate limiting executions to 10/minute', () => {
  it('answers 429 to the eleventh execute of a minute', async () => {
    const { call } = await listen({ rateLimit: { execute: '10/minute' } });
    const statuses: number[] = [];
    for (let at = 0; at < 11; at += 1) {
      // A missing instance still counts: the limit applies before the work.
      statuses.push((await call('POST', '/instances/inst_missing/execute', {})).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('Scalability 1: the indexes', () => {
  it('exist in the SQLite store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flowloom-seed-indexes-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'flowloom.db');
    await new SqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index'")
      .all()
      .map((row) => (row as { name: string }).name);
    db.close();
    expect(names).toEqual(
      expect.arrayContaining([
        'idx_workflow_instances_status',
        'idx_workflow_instances_created_by',
        'idx_execution_logs_instance_id',
      ]),
    );
  });
});

describe.skipIf(!process.env.REDIS_URL)(
  'Scalability 2: caching component metadata in Redis',
  () => {
    it('serves the components from the cache once cached', async () => {
      const component_registry = new ComponentRegistry({ components: builtinComponents });
      // ---- the sample, in TypeScript (ioredis for redis-py) ----
      // Cache component metadata
      const redis_client = new Redis(process.env.REDIS_URL!);

      async function get_cached_components() {
        const cached = await redis_client.get('workflow_components');
        if (cached) {
          return JSON.parse(cached);
        }

        const components = component_registry.getAllComponents();
        await redis_client.setex('workflow_components', 3600, JSON.stringify(components));
        return components;
      }
      // ---- end of the sample ----
      cleanups.push(async () => {
        await redis_client.del('workflow_components');
        redis_client.disconnect();
      });
      await redis_client.del('workflow_components');
      const first = await get_cached_components();
      component_registry.unregisterComponent('log');
      expect(await get_cached_components()).toEqual(first);
      expect(await redis_client.ttl('workflow_components')).toBeGreaterThan(3500);
    });
  },
);

describe('Scalability 3: execution as a background task', () => {
  it('accepts the run and executes it in the background', async () => {
    const { workflows } = await listen();
    // execute_workflow_async(instance_id, input_data): the engine's startWorkflow returns once
    // the run is accepted; `done` settles when the background execution ends.
    const execute_workflow_async = (instance_id: string, input_data: Record<string, unknown>) =>
      workflows.engine.startWorkflow(instance_id, input_data);
    const instance = await workflows.engine.createInstance({
      name: 'Background',
      workflow_data: { nodes: [{ id: 's', type: 'manual_trigger' }] },
    });
    const { instance: accepted, done } = await execute_workflow_async(instance.instance_id, {});
    expect(accepted.status).toBe('running');
    expect((await done).status).toBe('completed');
  });
});

describe('Error handling 2: the backend', () => {
  it('maps a validation error to 400, a timeout to 408 and anything else to 500', async () => {
    const { workflows } = await listen();
    const execution_engine = workflows.engine;
    class HTTPException extends Error {
      constructor(
        readonly status_code: number,
        readonly detail: string,
      ) {
        super(detail);
      }
    }
    // ---- the sample, in TypeScript: Flowloom's errors carry codes instead of classes ----
    async function execute_workflow_with_error_handling(instance_id: string, input: unknown) {
      try {
        const result = await execution_engine.executeWorkflow(
          instance_id,
          input as Record<string, unknown>,
        );
        return result;
      } catch (e) {
        const code = e instanceof FlowloomError ? e.code : 'INTERNAL_ERROR';
        if (code === 'VALIDATION_FAILED') throw new HTTPException(400, String(e));
        if (code === 'TIMEOUT') throw new HTTPException(408, 'Workflow execution timed out');
        throw new HTTPException(500, 'Internal server error');
      }
    }
    // ---- end of the sample ----
    const instance = await execution_engine.createInstance({
      name: 'Errors',
      workflow_data: { nodes: [{ id: 's', type: 'manual_trigger' }] },
    });
    await expect(
      execute_workflow_with_error_handling(instance.instance_id, 'not an object'),
    ).rejects.toMatchObject({ status_code: 400 });
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
    expect(httpStatusOf('TIMEOUT')).toBe(408);
    expect((await execute_workflow_with_error_handling(instance.instance_id, {})).status).toBe(
      'completed',
    );
  });
});

describe('Testing strategy 1: component testing', () => {
  it('test_http_request_component: success with a status_code, against a local server', async () => {
    const local = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => local.close(() => resolve())));
    const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/test`;

    // ---- the sample, in TypeScript (url: this local server instead of api.example.com) ----
    const component = new HttpRequestComponent();

    const context = createExecutionContext({
      workflow_id: 'test_workflow',
      instance_id: 'test_instance',
      step_id: 'test_step',
      input_data: {
        url: url,
        method: 'GET',
      },
      previous_outputs: {},
      global_variables: {},
    });

    const result = await component.execute(context);

    expect(result.success).toBe(true);
    expect('status_code' in (result.output_data as object)).toBe(true);
    // ---- end of the sample ----
  });
});
