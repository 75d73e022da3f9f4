// A client generated from the served OpenAPI document (generated/api.d.ts, by openapi-typescript)
// drives the API on a real server: save → create → execute → status → logs. It typechecks
// under `strict` before it runs, so a documented schema that does not fit fails the build.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/api';

type WorkflowInstance = components['schemas']['WorkflowInstance'];

const workflows = createWorkflowServer({
  store: new SqliteStore(':memory:'),
  logger: { info() {}, warn() {}, error: console.error },
});
const app = new Hono();
mountWorkflowApi(app, workflows);
const httpServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise<void>((resolve) => httpServer.once('listening', () => resolve()));
const { port } = httpServer.address() as AddressInfo;
const client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`The generated client: ${what}`);
}

try {
  const saved = await client.POST('/api/workflow/editor/save', {
    body: {
      name: 'Generated client',
      workflow_data: {
        nodes: [
          { id: 'start', type: 'manual_trigger' },
          { id: 'greet', type: 'log', data: { parameters: { message: 'Hello {{ input.who }}' } } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'greet' }],
      },
    },
  });
  check(saved.data, `save answered ${saved.response.status}`);
  check(saved.data.validation.valid, 'the saved workflow is valid');

  // Either a document or a saved workflow: the union type takes the saved workflow's shape.
  const created = await client.POST('/api/workflow/instances', {
    body: { name: 'Run from the generated client', workflow_id: saved.data.workflow_id },
  });
  check(created.data, `create answered ${created.response.status}`);
  const instance: WorkflowInstance = created.data;
  const instanceId = instance.instance_id;

  const executed = await client.POST('/api/workflow/instances/{instance_id}/execute', {
    params: { path: { instance_id: instanceId } },
    body: { input_data: { who: 'Ada' } },
  });
  check(executed.data?.status === 'running', `execute answered ${executed.response.status}`);

  let status: components['schemas']['ExecutionStatus'] | undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    const read = await client.GET('/api/workflow/instances/{instance_id}/status', {
      params: { path: { instance_id: instanceId } },
    });
    check(read.data, `status answered ${read.response.status}`);
    status = read.data;
    if (status.status === 'completed' || status.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  check(status?.status === 'completed', `the run ended ${status?.status}`);
  check(status.steps.greet?.status === 'completed', 'the log step completed');

  const logs = await client.GET('/api/workflow/instances/{instance_id}/logs', {
    params: { path: { instance_id: instanceId }, query: { since: 0 } },
  });
  check(logs.data, `logs answered ${logs.response.status}`);
  check(
    logs.data.logs.some((line) => line.message === 'Hello Ada'),
    'the log line is there',
  );

  // Error answers are typed as the documented Error schema.
  const missing = await client.GET('/api/workflow/instances/{instance_id}', {
    params: { path: { instance_id: 'inst_missing' } },
  });
  check(missing.error?.error.code === 'NOT_FOUND', 'an unknown instance is a typed 404');

  // What the document forbids does not compile: neither a document nor a saved workflow.
  // @ts-expect-error a name alone is not a CreateInstanceRequest
  const refused = await client.POST('/api/workflow/instances', { body: { name: 'Nothing' } });
  check(refused.response.status === 400, 'a name alone is refused');

  console.log(
    `save → create → execute → status → logs: ${instanceId} completed, ${logs.data.logs.length} log line(s)`,
  );
} finally {
  await workflows.close({ graceMs: 0 });
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
}
