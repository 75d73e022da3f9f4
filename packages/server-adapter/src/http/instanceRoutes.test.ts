import {
  defineComponent,
  ExecutionStatusSchema,
  LogEntrySchema,
  WorkflowInstanceSchema,
} from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../stores/SqliteStore';
import {
  asUser,
  closeTestServers,
  createBuiltinRegistry,
  createInstanceVia,
  createTestServer,
  delayWorkflow,
  executeVia,
  headerAuthenticate,
  INVALID_WORKFLOW_ISSUES,
  invalidWorkflow,
  logWorkflow,
  type TestServer,
  threeStepWorkflow,
  waitForFinalStatus,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('POST /instances', () => {
  it('answers 201 with a pending instance made from workflow_data', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', {
      name: 'Greeting',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(201);
    expect(WorkflowInstanceSchema.parse(response.body)).toEqual(response.body);
    expect(response.body).toMatchObject({
      instance_id: expect.any(String),
      name: 'Greeting',
      status: 'pending',
      workflow_id: null,
      created_by: 'anonymous',
      created_at: expect.stringMatching(ISO_TIME),
      input_data: null,
    });
    expect(response.body.workflow_data.nodes.map((node: { id: string }) => node.id)).toEqual([
      'start',
      'say',
    ]);
    expect(response.body.workflow_data.edges).toHaveLength(1);
  });

  it('records the authenticated user as created_by', async () => {
    const t = createTestServer({ authenticate: headerAuthenticate });
    const instance = await createInstanceVia(t, logWorkflow(), asUser('ada'));
    expect(instance.created_by).toBe('ada');
  });

  it('answers 201 with an instance made from a saved workflow_id', async () => {
    const t = createTestServer();
    const saved = await t.request('POST', '/editor/save', {
      name: 'Saved',
      workflow_data: threeStepWorkflow(),
    });
    const response = await t.request('POST', '/instances', {
      name: 'From saved',
      workflow_id: saved.body.workflow_id,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'From saved',
      status: 'pending',
      workflow_id: saved.body.workflow_id,
    });
    const loaded = await t.request('GET', `/editor/load/${saved.body.workflow_id}`);
    expect(response.body.workflow_data).toEqual(loaded.body.workflow_data);
  });

  it('answers 404 for an unknown workflow_id', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', { name: 'X', workflow_id: 'wf_nope' });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an unknown workflow_id given beside workflow_data', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', {
      name: 'X',
      workflow_id: 'wf_nope',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 400 INVALID_WORKFLOW listing every problem of an invalid workflow', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', {
      name: 'Broken',
      workflow_data: invalidWorkflow(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_WORKFLOW');
    expect(response.body.error.issues).toEqual(INVALID_WORKFLOW_ISSUES);
    expect((await request('GET', '/instances')).body.total).toBe(0);
  });

  it('answers 400 for workflow_data that is not a workflow document', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', { name: 'X', workflow_data: 'nodes' });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.length).toBeGreaterThan(0);
  });

  it('answers 400 VALIDATION_FAILED when the name is missing', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', { workflow_data: logWorkflow() });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues).toEqual([{ path: 'name', message: expect.any(String) }]);
  });

  it('answers 400 VALIDATION_FAILED for a blank name', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', {
      name: '   ',
      workflow_data: logWorkflow(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'name', message: 'Name must not be empty' },
    ]);
  });

  it('answers 400 VALIDATION_FAILED when neither workflow_data nor workflow_id is given', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances', { name: 'Empty' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues).toEqual([
      { path: 'workflow_data', message: 'Give workflow_data or workflow_id' },
    ]);
  });
});

describe('GET /instances', () => {
  it('answers { instances, total, next_cursor } with the instances, newest first', async () => {
    const t = createTestServer();
    const first = await createInstanceVia(t, logWorkflow(), {}, 'First');
    const second = await createInstanceVia(t, logWorkflow(), {}, 'Second');
    const response = await t.request('GET', '/instances');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['instances', 'next_cursor', 'total']);
    expect(response.body.total).toBe(2);
    const ids = response.body.instances.map((i: { instance_id: string }) => i.instance_id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids)).toEqual(new Set([first.instance_id, second.instance_id]));
  });

  it('filters by status', async () => {
    const t = createTestServer();
    const ran = await createInstanceVia(t, logWorkflow(), {}, 'Ran');
    await createInstanceVia(t, logWorkflow(), {}, 'Idle');
    await executeVia(t, ran.instance_id);
    await waitForFinalStatus(t, ran.instance_id);

    const completed = await t.request('GET', '/instances?status=completed');
    expect(completed.body.total).toBe(1);
    expect(completed.body.instances.map((i: { name: string }) => i.name)).toEqual(['Ran']);
    const pending = await t.request('GET', '/instances?status=pending');
    expect(pending.body.instances.map((i: { name: string }) => i.name)).toEqual(['Idle']);
  });

  it('pages with limit and offset while total counts them all', async () => {
    const t = createTestServer();
    for (const name of ['A', 'B', 'C']) await createInstanceVia(t, logWorkflow(), {}, name);
    const all = await t.request('GET', '/instances');
    const page = await t.request('GET', '/instances?limit=1&offset=1');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.instances).toEqual([all.body.instances[1]]);
  });

  it('answers 400 listing every bad query parameter', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/instances?status=sleeping&limit=0&offset=-1');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths.sort()).toEqual(['limit', 'offset', 'status']);
  });
});

describe('GET /instances/{instance_id}', () => {
  it('answers the instance', async () => {
    const t = createTestServer();
    const created = await createInstanceVia(t, logWorkflow());
    const response = await t.request('GET', `/instances/${created.instance_id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created);
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/instances/inst_nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('POST /instances/{instance_id}/execute', () => {
  it('answers 202 { instance_id, status: "running" } and runs the instance', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {
      input_data: { who: 'Ada' },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ instance_id: instance.instance_id, status: 'running' });

    await waitForFinalStatus(t, instance.instance_id);
    const stored = await t.request('GET', `/instances/${instance.instance_id}`);
    expect(stored.body).toMatchObject({ status: 'completed', input_data: { who: 'Ada' } });
  });

  it('runs with an empty input when the body is empty', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`);
    expect(response.status).toBe(202);
    await waitForFinalStatus(t, instance.instance_id);
    const stored = await t.request('GET', `/instances/${instance.instance_id}`);
    expect(stored.body.input_data).toEqual({});
  });

  it('answers 409 CONFLICT while the instance is already running', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, instance.instance_id);
    const again = await t.request('POST', `/instances/${instance.instance_id}/execute`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    await t.request('POST', `/instances/${instance.instance_id}/stop`);
  });

  it('starts one run when two executes race, answering the other 409', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    const path = `/instances/${instance.instance_id}/execute`;
    const answers = await Promise.all([t.request('POST', path, {}), t.request('POST', path, {})]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409]);
    await t.request('POST', `/instances/${instance.instance_id}/stop`);
  });

  it('runs a finished instance again', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    await executeVia(t, instance.instance_id, { who: 'one' });
    await waitForFinalStatus(t, instance.instance_id);
    await executeVia(t, instance.instance_id, { who: 'two' });
    await waitForFinalStatus(t, instance.instance_id);
    const logs = await t.request('GET', `/instances/${instance.instance_id}/logs`);
    expect(logs.body.logs.map((log: { message: string }) => log.message)).toEqual([
      'Hello one',
      'Hello two',
    ]);
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'go'],
    ['null', null],
    ['a number', 7],
  ])('answers 400 when input_data is %s', async (_label, input_data) => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {
      input_data,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues).toEqual([
      { path: 'input_data', message: expect.any(String) },
    ]);
    const stored = await t.request('GET', `/instances/${instance.instance_id}`);
    expect(stored.body.status).toBe('pending');
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    const response = await request('POST', '/instances/inst_nope/execute', {});
    expect(response.status).toBe(404);
  });

  it('runs a step and what it depends on only when given `until`', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {
      input_data: { who: 'Ada' },
      until: 'start',
    });
    expect(response.status).toBe(202);
    const status = await waitForFinalStatus(t, instance.instance_id);
    expect(status.status).toBe('completed');
    expect(status.steps.start?.status).toBe('completed');
    expect(status.steps.say?.status).toBe('skipped');
  });

  it('answers 400 for an `until` step the workflow does not have', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/execute`, {
      until: 'ghost',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'until', message: expect.any(String) }],
    });
  });
});

describe('POST /instances/{instance_id}/stop', () => {
  it('answers 200 with status "cancelled" and the instance ends cancelled', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, instance.instance_id);
    const response = await t.request('POST', `/instances/${instance.instance_id}/stop`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ instance_id: instance.instance_id, status: 'cancelled' });
    expect(ExecutionStatusSchema.safeParse(response.body).success).toBe(true);

    const stored = await t.request('GET', `/instances/${instance.instance_id}`);
    expect(stored.body.status).toBe('cancelled');
    const status = await t.request('GET', `/instances/${instance.instance_id}/status`);
    expect(status.body.status).toBe('cancelled');
  });

  it('answers 409 CONFLICT when the instance is not running', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    const response = await t.request('POST', `/instances/${instance.instance_id}/stop`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('answers 409 when stopped twice', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, delayWorkflow());
    await executeVia(t, instance.instance_id);
    expect((await t.request('POST', `/instances/${instance.instance_id}/stop`)).status).toBe(200);
    expect((await t.request('POST', `/instances/${instance.instance_id}/stop`)).status).toBe(409);
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    expect((await request('POST', '/instances/inst_nope/stop')).status).toBe(404);
  });
});

describe('GET /instances/{instance_id}/status', () => {
  it('answers every step, progress and times once the run completed', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, threeStepWorkflow());
    await executeVia(t, instance.instance_id, { who: 'Ada' });
    await waitForFinalStatus(t, instance.instance_id);

    const response = await t.request('GET', `/instances/${instance.instance_id}/status`);
    expect(response.status).toBe(200);
    const status = response.body;
    expect(status).toMatchObject({
      instance_id: instance.instance_id,
      status: 'completed',
      progress: { completed: 3, total: 3 },
      started_at: expect.stringMatching(ISO_TIME),
      finished_at: expect.stringMatching(ISO_TIME),
      error: null,
    });
    expect(Object.keys(status.steps).sort()).toEqual(['say', 'shape', 'start']);
    for (const step of Object.values<Record<string, unknown>>(status.steps)) {
      expect(step).toMatchObject({
        status: 'completed',
        attempts: 1,
        started_at: expect.stringMatching(ISO_TIME),
        finished_at: expect.stringMatching(ISO_TIME),
      });
      expect(step).not.toHaveProperty('error');
    }
    expect(status.steps.shape.output_data).toEqual({ greeting: 'Hi Ada' });
  });

  it('answers the pending state before any run', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('GET', `/instances/${instance.instance_id}/status`);
    expect(response.body).toMatchObject({
      status: 'pending',
      progress: { completed: 0, total: 2 },
      started_at: null,
      finished_at: null,
      error: null,
      steps: {
        start: { status: 'pending', attempts: 0, started_at: null, finished_at: null },
        say: { status: 'pending', attempts: 0, started_at: null, finished_at: null },
      },
    });
  });

  it("gives a failed step's error and the run's error", async () => {
    const registry = createBuiltinRegistry();
    registry.registerComponent(
      defineComponent({
        type: 'explode',
        name: 'Explode',
        category: 'utilities',
        async execute() {
          return { success: false, output_data: {}, error: { code: 'BOOM', message: 'Kaboom' } };
        },
      }),
    );
    const t = createTestServer({ registry });
    const instance = await createInstanceVia(t, {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'bang', type: 'explode' },
      ],
      edges: [{ id: 'e', source: 'start', target: 'bang' }],
    });
    await executeVia(t, instance.instance_id);
    const status = await waitForFinalStatus(t, instance.instance_id);
    expect(status.status).toBe('failed');
    expect(status.steps.bang).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'BOOM', message: 'Kaboom' },
    });
    expect(status.error).toMatchObject({ message: expect.stringContaining('Kaboom') });
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    expect((await request('GET', '/instances/inst_nope/status')).status).toBe(404);
  });
});

describe('GET /instances/{instance_id}/logs', () => {
  const twoLogs = {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'first', type: 'log', data: { parameters: { message: 'first line' } } },
      {
        id: 'second',
        type: 'log',
        data: { parameters: { message: 'second line', level: 'warn' } },
      },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'first' },
      { id: 'b', source: 'first', target: 'second' },
    ],
  };

  it('answers { logs } in order, one per log step', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, twoLogs);
    await executeVia(t, instance.instance_id);
    await waitForFinalStatus(t, instance.instance_id);

    const response = await t.request('GET', `/instances/${instance.instance_id}/logs`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['logs']);
    const { logs } = response.body;
    expect(logs).toHaveLength(2);
    for (const log of logs) expect(LogEntrySchema.parse(log)).toEqual(log);
    expect(logs).toMatchObject([
      { instance_id: instance.instance_id, step_id: 'first', level: 'info', message: 'first line' },
      {
        instance_id: instance.instance_id,
        step_id: 'second',
        level: 'warn',
        message: 'second line',
      },
    ]);
    expect(logs[0].seq).toBeLessThan(logs[1].seq);
  });

  it('answers only the lines after `since`', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, twoLogs);
    await executeVia(t, instance.instance_id);
    await waitForFinalStatus(t, instance.instance_id);
    const all = (await t.request('GET', `/instances/${instance.instance_id}/logs`)).body.logs;

    const after = await t.request(
      'GET',
      `/instances/${instance.instance_id}/logs?since=${all[0].seq}`,
    );
    expect(after.body.logs).toEqual([all[1]]);
    const none = await t.request(
      'GET',
      `/instances/${instance.instance_id}/logs?since=${all[1].seq}`,
    );
    expect(none.body.logs).toEqual([]);
  });

  it('answers an empty list before any run', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request('GET', `/instances/${instance.instance_id}/logs`);
    expect(response.body).toEqual({ logs: [] });
  });

  it.each(['-1', 'abc', '1.5'])('answers 400 for since=%s', async (since) => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    const response = await t.request(
      'GET',
      `/instances/${instance.instance_id}/logs?since=${since}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'since', message: expect.any(String) }]);
  });

  it('answers 404 for an unknown id', async () => {
    const { request } = createTestServer();
    expect((await request('GET', '/instances/inst_nope/logs')).status).toBe(404);
  });
});

describe('the API on SqliteStore', () => {
  const HOSTILE = [
    "Robert'); DROP TABLE workflow_instances;--",
    '" OR "1"="1',
    "' OR 1=1 --",
    "\\'; DELETE FROM workflows WHERE '1'='1",
    "%_ LIKE '%' ESCAPE '\\' /* comment */ ; -- `backticks` $1 ? :name @p",
    'unicode: ünïcødé 😀 \u2028 tab\there',
  ];

  const stores: SqliteStore[] = [];
  afterEach(async () => {
    await closeTestServers();
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  /** A server on a fresh in-memory SQLite database. */
  function sqliteServer(): TestServer {
    const store = new SqliteStore(':memory:');
    stores.push(store);
    return createTestServer({ store });
  }

  it.each(HOSTILE)('keeps names, inputs and logs intact: %s', async (text) => {
    const t = sqliteServer();
    const saved = await t.request('POST', '/editor/save', {
      name: text,
      workflow_data: logWorkflow(text),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe(text);

    const created = await t.request('POST', '/instances', {
      name: text,
      workflow_id: saved.body.workflow_id,
    });
    expect(created.status).toBe(201);
    const id = created.body.instance_id;
    const input_data = { [text]: text, nested: { list: [text, `"${text}"`] } };
    await executeVia(t, id, input_data);
    await waitForFinalStatus(t, id);

    const instance = await t.request('GET', `/instances/${id}`);
    expect(instance.body).toMatchObject({ name: text, input_data, status: 'completed' });
    expect(instance.body.workflow_data.nodes[1].data.parameters.message).toBe(text);
    const logs = await t.request('GET', `/instances/${id}/logs`);
    expect(logs.body.logs.map((log: { message: string }) => log.message)).toEqual([text]);
    const loaded = await t.request('GET', `/editor/load/${saved.body.workflow_id}`);
    expect(loaded.body).toMatchObject({ name: text, workflow_data: { nodes: expect.any(Array) } });
    expect(loaded.body.workflow_data.nodes[1].data.parameters.message).toBe(text);

    const listed = await t.request('GET', '/instances?status=completed');
    expect(listed.body.instances.map((i: { name: string }) => i.name)).toEqual([text]);
    const workflows = await t.request('GET', '/editor/list');
    expect(workflows.body.workflows.map((w: { name: string }) => w.name)).toEqual([text]);
  });

  it('treats hostile ids as plain unknown ids', async () => {
    const t = sqliteServer();
    await createInstanceVia(t, logWorkflow());
    for (const text of HOSTILE) {
      const id = encodeURIComponent(text);
      expect((await t.request('GET', `/instances/${id}`)).status).toBe(404);
      expect((await t.request('GET', `/editor/load/${id}`)).status).toBe(404);
    }
    expect((await t.request('GET', '/instances')).body.total).toBe(1);
  });
});
