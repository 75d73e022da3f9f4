import {
  builtinComponents,
  defineComponent,
  type ExecutionEvent,
  type WorkflowDataInput,
} from '@flowloom/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientError, WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from './createWorkflowHandlers';
import { handlers, resetWorkflowHandlers } from './handlers';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  resetWorkflowHandlers();
});
afterAll(() => server.close());

const client = createWorkflowClient();

function workflow(delayMs = 10): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'first', type: 'log', data: { parameters: { message: 'first line' } } },
      { id: 'wait', type: 'delay', data: { parameters: { ms: delayMs } } },
      { id: 'second', type: 'log', data: { parameters: { message: 'second line' } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'first' },
      { id: 'e2', source: 'first', target: 'wait' },
      { id: 'e3', source: 'wait', target: 'second' },
    ],
  };
}

async function createInstance(on: WorkflowClient = client, delayMs?: number): Promise<string> {
  const created = await on.createInstance({ name: 'Test', workflow_data: workflow(delayMs) });
  if (!created.success) throw new Error(created.error.message);
  return created.data.instance_id;
}

async function waitForStatus(instanceId: string, status: string) {
  await vi.waitFor(async () =>
    expect(await client.getStatus(instanceId)).toMatchObject({ data: { status } }),
  );
}

describe('handlers: components', () => {
  it('serves the built-in components, and 404 with the API body for an unknown type', async () => {
    const listed = await client.listComponents();
    expect(listed.success && listed.data.components).toHaveLength(builtinComponents.length);
    expect(await client.getComponent('delay')).toMatchObject({
      success: true,
      data: { type: 'delay' },
    });
    const response = await fetch('/api/workflow/components/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Unknown component type "nope"', issues: [] },
    });
  });
});

describe('handlers: instances', () => {
  it('creates, executes (202) and completes an instance, with its status and logs', async () => {
    const id = await createInstance();
    expect(await client.getInstance(id)).toMatchObject({
      success: true,
      data: { status: 'pending' },
    });
    const response = await fetch(`/api/workflow/instances/${id}/execute`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input_data: { test: true } }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ instance_id: id, status: 'running' });
    await waitForStatus(id, 'completed');
    expect(await client.getStatus(id)).toMatchObject({
      data: { progress: { completed: 4, total: 4 } },
    });
    const logs = await client.getLogs(id);
    expect(logs.success && logs.data.logs.map((log) => log.message)).toEqual([
      'first line',
      'second line',
    ]);
    const listed = await client.listInstances({ status: 'completed' });
    expect(listed).toMatchObject({ success: true, data: { total: 1 } });
  });

  it('answers executing a running instance with 409, and stops it', async () => {
    const id = await createInstance(client, 5_000);
    await client.executeInstance(id);
    expect(await client.executeInstance(id)).toMatchObject({
      success: false,
      error: { code: 'CONFLICT', status: 409 },
    });
    expect(await client.stopInstance(id)).toMatchObject({
      success: true,
      data: { status: 'cancelled' },
    });
    expect(await client.stopInstance(id)).toMatchObject({
      error: { code: 'CONFLICT', status: 409 },
    });
  });

  it('answers an invalid workflow with 400 INVALID_WORKFLOW and its issues', async () => {
    const answer = await client.createInstance({
      name: 'Broken',
      workflow_data: { nodes: [{ id: 'a', type: 'no_such_type' }], edges: [] },
    });
    expect(answer).toMatchObject({
      success: false,
      error: { code: 'INVALID_WORKFLOW', status: 400 },
    });
    expect(answer.success || answer.error.issues?.length).toBeGreaterThan(0);
  });

  it('answers bad JSON with 400 VALIDATION_FAILED in the API format', async () => {
    const response = await fetch('/api/workflow/instances', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: '', message: 'Invalid JSON' }],
    });
  });

  it('answers a missing name and document with 400 listing both', async () => {
    const answer = await client.createInstance({ name: '' } as never);
    expect(answer).toMatchObject({ success: false, error: { status: 400 } });
    expect(answer.success || answer.error.issues?.map((issue) => issue.path)).toEqual(['name']);
    const noDocument = await client.createInstance({ name: 'x' } as never);
    expect(noDocument).toMatchObject({ error: { issues: [{ path: 'workflow_data' }] } });
  });

  it('answers unknown instances, bad queries and unknown routes as the server does', async () => {
    expect(await client.getStatus('missing')).toMatchObject({
      error: { code: 'NOT_FOUND', status: 404, message: 'Instance "missing" does not exist' },
    });
    expect(await client.listInstances({ limit: 0 })).toMatchObject({
      error: { code: 'VALIDATION_FAILED', status: 400, issues: [{ path: 'limit' }] },
    });
    const response = await fetch('/api/workflow/nothing/here');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('handlers: editor', () => {
  it('saves, loads and lists a workflow, versioning each save', async () => {
    const saved = await client.saveWorkflow({ name: 'Mine', workflow_data: workflow() });
    expect(saved).toMatchObject({
      success: true,
      data: { version: 1, validation: { valid: true, errors: [] } },
    });
    if (!saved.success) return;
    const id = saved.data.workflow_id;
    expect(
      await client.saveWorkflow({ workflow_id: id, name: 'Mine 2', workflow_data: workflow() }),
    ).toMatchObject({ data: { version: 2 } });
    const loaded = await client.loadWorkflow(id);
    expect(loaded).toMatchObject({ success: true, data: { name: 'Mine 2', version: 2 } });
    expect(loaded.success && loaded.data.workflow_data.nodes).toHaveLength(4);
    expect(await client.listWorkflows()).toMatchObject({ data: { total: 1 } });
  });

  it("saves a draft that fails core's validation and returns its problems", async () => {
    const saved = await client.saveWorkflow({
      name: 'Draft',
      workflow_data: { nodes: [{ id: 'a', type: 'log' }], edges: [] },
    });
    expect(saved).toMatchObject({ success: true, data: { validation: { valid: false } } });
    expect(saved.success && saved.data.validation.errors[0]?.node_id).toBe('a');
  });

  it('answers a nameless save with 400 and an unknown workflow with 404', async () => {
    expect(await client.saveWorkflow({ name: ' ', workflow_data: workflow() })).toMatchObject({
      error: { code: 'VALIDATION_FAILED', status: 400, issues: [{ path: 'name' }] },
    });
    expect(await client.loadWorkflow('wf_missing')).toMatchObject({
      error: { code: 'NOT_FOUND', status: 404, message: 'Workflow "wf_missing" does not exist' },
    });
  });
});

describe('handlers: live events over the WebSocket', () => {
  function watch(instanceId: string, since?: number) {
    const events: ExecutionEvent[] = [];
    const connection: boolean[] = [];
    const errors: ClientError[] = [];
    const unsubscribe = client.subscribe(instanceId, (event) => events.push(event), {
      since,
      onConnectionChange: (connected) => connection.push(connected),
      onError: (error) => errors.push(error),
    });
    return { events, connection, errors, unsubscribe };
  }

  it('streams every event of a run through client.subscribe, in order', async () => {
    const id = await createInstance();
    const watched = watch(id);
    await vi.waitFor(() => expect(watched.connection).toEqual([true]));
    await client.executeInstance(id);
    await vi.waitFor(() => expect(watched.events.at(-1)?.event_type).toBe('execution_completed'));
    expect(watched.events).toEqual(await handlers.backend.store.listEvents(id));
    watched.unsubscribe();
  });

  it('replays the stored events after since', async () => {
    const id = await createInstance();
    await client.executeInstance(id);
    await waitForStatus(id, 'completed');
    const stored = await handlers.backend.store.listEvents(id);
    const watched = watch(id, 2);
    await vi.waitFor(() => expect(watched.events).toHaveLength(stored.length - 2));
    expect(watched.events).toEqual(stored.slice(2));
    watched.unsubscribe();
  });

  it('refuses an unknown instance: onError 404, never connected', async () => {
    const watched = watch('inst_missing');
    await vi.waitFor(() => expect(watched.errors).toHaveLength(1));
    expect(watched.errors[0]).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(watched.connection).toEqual([]);
  });
});

describe('createWorkflowHandlers', () => {
  const EmailSender = defineComponent({
    type: 'email_sender',
    name: 'Email Sender',
    description: 'Sends an email',
    category: 'output_actions',
    icon: 'EnvelopeIcon',
    color: 'from-purple-500 via-purple-600 to-indigo-600',
    execute: async () => ({ success: true, output_data: {} }),
  });

  it('serves the given components at the given absolute base URL', async () => {
    const custom = createWorkflowHandlers({
      baseUrl: 'http://api.test/flow',
      components: [EmailSender],
    });
    server.use(...custom);
    const other = createWorkflowClient({ baseUrl: 'http://api.test/flow' });
    const listed = await other.listComponents();
    expect(listed.success && listed.data.components.map((c) => c.type)).toEqual(['email_sender']);
  });

  it('gives each call its own state, emptied by reset()', async () => {
    const custom = createWorkflowHandlers({ baseUrl: 'http://api.test/flow' });
    server.use(...custom);
    const other = createWorkflowClient({ baseUrl: 'http://api.test/flow' });
    const id = await createInstance(other);
    expect(await client.getInstance(id)).toMatchObject({ error: { status: 404 } });
    expect(await other.getInstance(id)).toMatchObject({ success: true });
    custom.reset();
    expect(await other.getInstance(id)).toMatchObject({ error: { status: 404 } });
  });

  it('waits latencyMs before each answer', async () => {
    server.use(...createWorkflowHandlers({ baseUrl: 'http://api.test/slow', latencyMs: 80 }));
    const started = performance.now();
    await createWorkflowClient({ baseUrl: 'http://api.test/slow' }).listComponents();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('resetWorkflowHandlers', () => {
  it('forgets the instances and workflows behind the default handlers', async () => {
    const id = await createInstance();
    await client.saveWorkflow({ name: 'Kept?', workflow_data: workflow() });
    resetWorkflowHandlers();
    expect(await client.getInstance(id)).toMatchObject({ error: { status: 404 } });
    expect(await client.listWorkflows()).toEqual({
      success: true,
      data: { workflows: [], total: 0 },
    });
  });
});
