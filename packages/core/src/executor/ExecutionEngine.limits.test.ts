import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { createTestEngine, edge, node, resetAttempts } from './engineTestKit.test-helpers';
import { WorkflowRun } from './WorkflowRun';

beforeEach(() => resetAttempts());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A component that returns whatever its `make` parameter builds from `size`. */
const produce = defineComponent({
  type: 'produce',
  name: 'Produce',
  category: 'utilities',
  parameters: [
    { name: 'make', label: 'Make', type: 'string', required: true },
    { name: 'size', label: 'Size', type: 'number', default: 0 },
  ],
  output_handles: [
    { id: 'success', type: 'source', position: 'right' },
    { id: 'error', type: 'source', position: 'bottom' },
  ],
  async execute({ input_data, logger }) {
    const { make, size } = input_data;
    if (make === 'deep') {
      let value: Record<string, unknown> = {};
      const root = value;
      for (let level = 0; level < size; level += 1) {
        const next = {};
        value.a = next;
        value = next;
      }
      return { success: true, output_data: root };
    }
    if (make === 'big') return { success: true, output_data: { text: 'x'.repeat(size) } };
    if (make === 'big-failure') {
      return { success: false, output_data: { page: 'x'.repeat(size) }, error: 'HTTP 500' };
    }
    if (make === 'proto-vars') {
      const set_variables = JSON.parse('{"__proto__": {"polluted": true}}');
      return { success: true, output_data: {}, set_variables };
    }
    if (make === 'logs') {
      for (let line = 0; line < size; line += 1) logger.info(`line ${line} ${'y'.repeat(100)}`);
      return { success: true, output_data: {} };
    }
    if (make === 'long-log') {
      logger.info('z'.repeat(size), { nested: 'z'.repeat(size) });
      return { success: true, output_data: {} };
    }
    return { success: true, output_data: {} };
  },
});

const doubler = defineComponent({
  type: 'double',
  name: 'Double',
  category: 'data_processing',
  parameters: [{ name: 'v', label: 'Value', type: 'string', required: true }],
  async execute({ input_data }) {
    return { success: true, output_data: { v: input_data.v } };
  },
});

function engineWith(options: ConstructorParameters<typeof ExecutionEngine>[0] = {}) {
  const store = new MemoryStore();
  const registry = new ComponentRegistry({ components: [produce, doubler] });
  const engine = new ExecutionEngine({ registry, store, ...options });
  const events: ExecutionEvent[] = [];
  engine.on('event', (event) => events.push(event));
  async function run(
    nodes: ReturnType<typeof node>[],
    edges: ReturnType<typeof edge>[] = [],
    input: Record<string, unknown> = {},
  ) {
    const instance = await engine.createInstance({
      name: 'limits',
      workflow_data: { nodes, edges },
    });
    const status = await engine.executeWorkflow(instance.instance_id, input);
    return { instance, status, events };
  }
  return { engine, store, events, run };
}

describe('step output limits', () => {
  it('fails a step whose output nests deeper than maxJsonDepth with OUTPUT_TOO_DEEP', async () => {
    const { run } = engineWith();
    const { status } = await run([node('p', 'produce', { make: 'deep', size: 4_100 })]);
    expect(status.status).toBe('failed');
    expect(status.steps.p?.error?.code).toBe('OUTPUT_TOO_DEEP');
    expect(status.error).toMatchObject({ code: 'OUTPUT_TOO_DEEP', step_id: 'p' });
  });

  it('keeps an output exactly at the depth limit', async () => {
    const { run } = engineWith({ limits: { maxJsonDepth: 8 } });
    const { status } = await run([node('p', 'produce', { make: 'deep', size: 7 })]);
    expect(status.status).toBe('completed');
  });

  it('fails a step whose output is larger than maxStepOutputBytes with OUTPUT_TOO_LARGE', async () => {
    const { run } = engineWith({ limits: { maxStepOutputBytes: 1_000 } });
    const { status } = await run([node('p', 'produce', { make: 'big', size: 2_000 })]);
    expect(status.steps.p?.error?.code).toBe('OUTPUT_TOO_LARGE');
  });

  it('stops a chain of steps doubling a string at the output limit, not at the memory limit', async () => {
    // The attack: 20 steps each outputting its predecessor twice reach 2^20 × the seed.
    const nodes = [node('d0', 'double', { v: 'x'.repeat(64) })];
    const edges: ReturnType<typeof edge>[] = [];
    for (let step = 1; step <= 20; step += 1) {
      nodes.push(
        node(`d${step}`, 'double', {
          v: `{{ steps.d${step - 1}.v }}{{ steps.d${step - 1}.v }}`,
        }),
      );
      edges.push(edge(`d${step - 1}`, `d${step}`));
    }
    const { run } = engineWith();
    const { status } = await run(nodes, edges);
    expect(status.status).toBe('failed');
    expect(status.error?.code).toBe('OUTPUT_TOO_LARGE');
    // 64 B × 2^14 = 1 MiB: the 14th doubling's parameters are the first over the default 1 MiB.
    expect(status.error?.step_id).toBe('d14');
    expect(status.steps.d13?.status).toBe('completed');
    expect(status.steps.d15?.status).toBe('pending');
  });

  it('refuses a component result that sets a reserved variable name, leaving prototypes alone', async () => {
    const { run } = engineWith();
    const { status } = await run([node('p', 'produce', { make: 'proto-vars' })]);
    expect(status.steps.p?.error).toMatchObject({ code: 'INVALID_RESULT' });
    expect(status.steps.p?.error?.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(status.variables.polluted).toBeUndefined();
  });
});

describe('run limits', () => {
  it('fails a run whose events pass maxRunEventBytes with RUN_TOO_LARGE', async () => {
    const { run, store } = engineWith({ limits: { maxRunEventBytes: 20_000 } });
    const { status, instance } = await run([node('p', 'produce', { make: 'logs', size: 1_000 })]);
    expect(status.status).toBe('failed');
    expect(status.error?.code).toBe('RUN_TOO_LARGE');
    const stored = await store.listEvents(instance.instance_id);
    expect(stored.at(-1)?.event_type).toBe('execution_failed');
    // The run stopped recording soon after the limit, not after all 1,000 lines.
    expect(stored.filter((event) => event.event_type === 'log').length).toBeLessThan(200);
  });

  it('counts the outputs of failed steps against maxRunEventBytes too', async () => {
    // Failing steps chained through their error handles, each recording a 5 KB error page.
    const nodes = Array.from({ length: 40 }, (_, index) =>
      node(`f${index}`, 'produce', { make: 'big-failure', size: 5_000 }),
    );
    const edges = nodes.slice(1).map((_, index) => edge(`f${index}`, `f${index + 1}`, 'error'));
    const { run, store } = engineWith({ limits: { maxRunEventBytes: 30_000 } });
    const { status, instance } = await run(nodes, edges);
    expect(status.error?.code).toBe('RUN_TOO_LARGE');
    const failed = (await store.listEvents(instance.instance_id)).filter(
      (event) => event.event_type === 'step_failed',
    );
    expect(failed.length).toBeLessThan(10);
  });

  it('cuts a very long log message and drops log data over the output limit', async () => {
    const { run, store } = engineWith({ limits: { maxStepOutputBytes: 50_000 } });
    const { instance } = await run([node('p', 'produce', { make: 'long-log', size: 100_000 })]);
    const [line] = await store.listLogs(instance.instance_id);
    expect(line?.message.length).toBeLessThan(10_100);
    expect(line?.message).toContain('more characters cut');
    expect(String(line?.data)).toContain('log data dropped');
  });

  it('refuses a run past maxConcurrentRuns with TOO_MANY_RUNS and starts it once a slot frees', async () => {
    const { engine } = createTestEngine({ limits: { maxConcurrentRuns: 1 } });
    const workflow_data = { nodes: [node('h', 'hang')], edges: [] };
    const first = await engine.createInstance({ name: 'one', workflow_data });
    const second = await engine.createInstance({ name: 'two', workflow_data });
    const { done } = await engine.startWorkflow(first.instance_id);
    await expect(engine.startWorkflow(second.instance_id)).rejects.toMatchObject({
      code: 'TOO_MANY_RUNS',
    });
    expect((await engine.store.getInstance(second.instance_id))?.status).toBe('pending');
    await engine.stopWorkflow(first.instance_id);
    await done;
    const started = await engine.startWorkflow(second.instance_id);
    expect(started.instance.status).toBe('running');
    await engine.stopWorkflow(second.instance_id);
  });

  it('refuses run input nested deeper than maxJsonDepth, naming the path', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'deep input',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    let deep: Record<string, unknown> = {};
    const input = { payload: deep };
    for (let level = 0; level < 100; level += 1) {
      deep.a = {};
      deep = deep.a as Record<string, unknown>;
    }
    const refusal = await engine.startWorkflow(instance.instance_id, input).catch((e) => e);
    expect(refusal).toBeInstanceOf(FlowloomError);
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.issues[0].path).toMatch(/^input_data\.payload\.a\.a/);
    expect((await engine.store.getInstance(instance.instance_id))?.status).toBe('pending');
  });

  it('refuses run variables with a reserved name', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'vars',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    const variables = JSON.parse('{"__proto__": {"x": 1}}');
    await expect(
      engine.startWorkflow(instance.instance_id, {}, { variables }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('retries', () => {
  it('caps the wait between attempts at 24 hours instead of overflowing the timer', async () => {
    vi.useFakeTimers();
    const { engine, events } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'long backoff',
      workflow_data: {
        nodes: [
          node(
            'f',
            'fail',
            {},
            { retry: { max_attempts: 3, backoff_ms: 3_600_000, backoff_multiplier: 100 } },
          ),
        ],
        edges: [],
      },
    });
    const { done } = await engine.startWorkflow(instance.instance_id);
    await vi.advanceTimersByTimeAsync(3_600_000);
    const retrying = () => events.filter((event) => event.event_type === 'step_retrying');
    expect(retrying().map((event) => event.data)).toEqual([
      expect.objectContaining({ attempt: 1, delay_ms: 3_600_000 }),
      expect.objectContaining({ attempt: 2, delay_ms: 86_400_000 }),
    ]);
    // Before the fix, 360,000,000 ms overflowed setTimeout and the third attempt came at once.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events.filter((event) => event.event_type === 'step_started')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect((await done).status).toBe('failed');
    expect(events.filter((event) => event.event_type === 'step_started')).toHaveLength(3);
  });
});

describe('failures between accepting a run and its first event', () => {
  it('end the instance failed with the error instead of leaving it running', async () => {
    const { engine, events } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'cannot start',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    vi.spyOn(WorkflowRun.prototype, 'start').mockImplementation(() => {
      throw new Error('boom before the first event');
    });
    const { done } = await engine.startWorkflow(instance.instance_id);
    const status = await done;
    expect(status.status).toBe('failed');
    expect(status.error?.message).toContain('boom before the first event');
    const stored = await engine.store.getInstance(instance.instance_id);
    expect(stored).toMatchObject({ status: 'failed', error: { code: 'INTERNAL_ERROR' } });
    expect(events.at(-1)?.event_type).toBe('execution_failed');
    expect(engine.isRunning(instance.instance_id)).toBe(false);
    vi.restoreAllMocks();
    // Not stuck: it can be run again.
    expect((await engine.executeWorkflow(instance.instance_id)).status).toBe('completed');
  });
});

describe('a journal the store refuses', () => {
  it('ends the run failed with STORE_ERROR and still publishes the final event live', async () => {
    const store = new MemoryStore();
    const append = store.appendEvents.bind(store);
    // Refuses any batch holding a completed step, as PostgreSQL refused NUL bytes.
    vi.spyOn(store, 'appendEvents').mockImplementation(async (batch) => {
      if (batch.some((event) => event.event_type === 'step_completed')) {
        throw new Error('invalid byte sequence');
      }
      return append(batch);
    });
    const { engine } = createTestEngine({ store });
    const received: ExecutionEvent[] = [];
    const instance = await engine.createInstance({
      name: 'refused',
      workflow_data: { nodes: [node('s', 'start'), node('a', 'step')], edges: [edge('s', 'a')] },
    });
    engine.subscribe(instance.instance_id, (event) => received.push(event));
    const status = await engine.executeWorkflow(instance.instance_id);
    expect(status.status).toBe('failed');
    expect(status.error?.code).toBe('STORE_ERROR');
    expect(received.at(-1)).toMatchObject({
      event_type: 'execution_failed',
      data: { error: { code: 'STORE_ERROR' } },
    });
    expect(await engine.store.getInstance(instance.instance_id)).toMatchObject({
      status: 'failed',
      error: { code: 'STORE_ERROR' },
    });
    // A later reader is told the run ended too, from the instance record.
    expect((await engine.getStatus(instance.instance_id)).status).toBe('failed');
  });
});

describe('log lines per run', () => {
  it('keeps the newest maxLogLinesPerRun lines in the log, with one notice, and every event', async () => {
    const { run, store } = engineWith({ limits: { maxLogLinesPerRun: 50 } });
    const { status, instance } = await run([node('p', 'produce', { make: 'logs', size: 300 })]);
    expect(status.status).toBe('completed');
    const logs = await store.listLogs(instance.instance_id);
    const lines = logs.filter((entry) => entry.step_id === 'p');
    expect(lines.map((entry) => entry.message.slice(0, 9))).toEqual(
      Array.from({ length: 50 }, (_, index) => `line ${250 + index} `.slice(0, 9)),
    );
    const notices = logs.filter((entry) => entry.level === 'warn');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('more than 50 log lines');
    // The journal keeps every line: resuming and the WebSocket history need nothing dropped.
    const events = await store.listEvents(instance.instance_id);
    expect(events.filter((event) => event.event_type === 'log')).toHaveLength(301);
  });
});
