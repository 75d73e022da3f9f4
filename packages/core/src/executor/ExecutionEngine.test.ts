import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { ExecutionEventSchema } from '../schema/executionEvent';
import { ExecutionStatusSchema } from '../schema/executionStatus';
import { createTestEngine, edge, node, resetAttempts, trace } from './engineTestKit.test-helpers';

beforeEach(() => resetAttempts());

describe('ExecutionEngine: running a workflow', () => {
  it('runs a chain in order, passing outputs through expressions', async () => {
    const { run } = createTestEngine();
    const { status, events } = await run(
      {
        nodes: [
          node('start', 'start'),
          node('a', 'step', { value: '{{ input.count }}' }),
          node('b', 'step', { value: 'count is {{ steps.a.value }}' }),
        ],
        edges: [edge('start', 'a'), edge('a', 'b')],
      },
      { count: 41 },
    );
    expect(status.status).toBe('completed');
    expect(status.steps.a?.output_data).toEqual({ value: 41 });
    expect(status.steps.b?.output_data).toEqual({ value: 'count is 41' });
    expect(status.progress).toEqual({ completed: 3, total: 3 });
    expect(trace(events)).toEqual([
      'execution_started',
      'step_started:start',
      'step_completed:start',
      'step_started:a',
      'step_completed:a',
      'step_started:b',
      'step_completed:b',
      'execution_completed',
    ]);
  });

  it('numbers events 1, 2, 3... with no gaps, each valid against the event schema', async () => {
    const { run } = createTestEngine();
    const { events } = await run({
      nodes: [node('s', 'start'), node('a', 'say', { message: 'hi' })],
      edges: [edge('s', 'a')],
    });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    for (const event of events) expect(ExecutionEventSchema.safeParse(event).success).toBe(true);
  });

  it('resolves with a status that matches the status schema', async () => {
    const { run } = createTestEngine();
    const { status } = await run({ nodes: [node('s', 'start')], edges: [] });
    expect(ExecutionStatusSchema.parse(status)).toEqual(status);
    expect(status.started_at).not.toBeNull();
    expect(status.finished_at).not.toBeNull();
  });

  it('stores every event, so a late reader gets the whole history by seq', async () => {
    const { run, store } = createTestEngine();
    const { instance, events } = await run({
      nodes: [node('s', 'start'), node('a', 'step')],
      edges: [edge('s', 'a')],
    });
    expect(await store.listEvents(instance.instance_id)).toEqual(events);
    expect(await store.listEvents(instance.instance_id, { afterSeq: 3 })).toEqual(events.slice(3));
    expect((await store.getInstance(instance.instance_id))?.status).toBe('completed');
  });

  it('gives a step the outputs of finished steps, the run input and what flowed in', async () => {
    const { run } = createTestEngine();
    const { status } = await run(
      {
        nodes: [
          node('s', 'start'),
          node('a', 'step', { value: 1 }),
          node('b', 'step', { value: 2 }),
          node('join', 'collect'),
        ],
        edges: [edge('s', 'a'), edge('s', 'b'), edge('a', 'join'), edge('b', 'join')],
      },
      { x: 1 },
    );
    expect(status.steps.join?.output_data).toEqual({ a: { value: 1 }, b: { value: 2 } });
  });

  it('writes log lines as log events and as stored log entries', async () => {
    const { run, store } = createTestEngine();
    const { instance, events } = await run(
      {
        nodes: [node('s', 'start'), node('a', 'say', { message: 'hello' })],
        edges: [edge('s', 'a')],
      },
      { who: 'me' },
    );
    const log = events.find((event) => event.event_type === 'log');
    expect(log).toMatchObject({
      step_id: 'a',
      data: { level: 'info', message: 'hello', data: { seen: { who: 'me' } } },
    });
    expect(await store.listLogs(instance.instance_id)).toEqual([
      {
        instance_id: instance.instance_id,
        seq: log!.seq,
        step_id: 'a',
        level: 'info',
        message: 'hello',
        data: { seen: { who: 'me' } },
        timestamp: log!.timestamp,
      },
    ]);
  });

  it('sets run variables for later steps', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [
        node('s', 'start'),
        node('set', 'set', { name: 'greeting', value: 'hi' }),
        node('use', 'step', { value: '{{ vars.greeting }} there' }),
      ],
      edges: [edge('s', 'set'), edge('set', 'use')],
    });
    expect(status.steps.use?.output_data).toEqual({ value: 'hi there' });
    expect(status.variables).toEqual({ greeting: 'hi' });
  });

  it('starts with the variables passed to executeWorkflow', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'v',
      workflow_data: {
        nodes: [node('s', 'start'), node('a', 'step', { value: '{{ vars.region }}' })],
        edges: [edge('s', 'a')],
      },
    });
    const status = await engine.executeWorkflow(
      instance.instance_id,
      {},
      { variables: { region: 'eu' } },
    );
    expect(status.steps.a?.output_data).toEqual({ value: 'eu' });
  });

  it('can run an instance again, continuing its seq', async () => {
    const { engine, store } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'again',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    await engine.executeWorkflow(instance.instance_id);
    const second = await engine.executeWorkflow(instance.instance_id, { n: 2 });
    expect(second.status).toBe('completed');
    const seqs = (await store.listEvents(instance.instance_id)).map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(seqs).toHaveLength(8);
  });
});

describe('ExecutionEngine: branches', () => {
  const branching = (go: unknown) => ({
    nodes: [
      node('s', 'start'),
      node('if', 'branch', { go }),
      node('yes', 'step', { value: 'yes' }),
      node('yes2', 'step', { value: 'yes again' }),
      node('no', 'step', { value: 'no' }),
      node('after', 'collect'),
    ],
    edges: [
      edge('s', 'if'),
      edge('if', 'yes', 'true'),
      edge('yes', 'yes2'),
      edge('if', 'no', 'false'),
      edge('yes2', 'after'),
      edge('no', 'after'),
    ],
  });

  it('follows the handle the result picks and skips the branch not taken, all the way down', async () => {
    const { run } = createTestEngine();
    const { status, events } = await run(branching(false));
    expect(status.status).toBe('completed');
    expect(status.steps.yes?.status).toBe('skipped');
    expect(status.steps.yes2?.status).toBe('skipped');
    expect(status.steps.no?.status).toBe('completed');
    expect(status.steps.after?.output_data).toEqual({ no: { value: 'no' } });
    expect(
      events
        .filter((event) => event.event_type === 'step_skipped')
        .map((event) => event.step_id)
        .sort(),
    ).toEqual(['yes', 'yes2']);
    expect(status.steps.if?.output_handles).toEqual(['false']);
  });

  it('skips a step whose every input was skipped', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [
        node('s', 'start'),
        node('if', 'branch', { go: true }),
        node('no', 'step'),
        node('after_no', 'step'),
      ],
      edges: [edge('s', 'if'), edge('if', 'no', 'false'), edge('no', 'after_no')],
    });
    expect(status.steps.no?.status).toBe('skipped');
    expect(status.steps.after_no?.status).toBe('skipped');
    expect(status.status).toBe('completed');
    expect(status.progress).toEqual({ completed: 4, total: 4 });
  });

  it('runs independent branches in parallel', async () => {
    const { run } = createTestEngine();
    const started = Date.now();
    const { status } = await run({
      nodes: [
        node('s', 'start'),
        node('a', 'step', { wait_ms: 150 }),
        node('b', 'step', { wait_ms: 150 }),
        node('c', 'step', { wait_ms: 150 }),
      ],
      edges: [edge('s', 'a'), edge('s', 'b'), edge('s', 'c')],
    });
    expect(status.status).toBe('completed');
    // Three 150 ms steps in sequence would take at least 450 ms.
    expect(Date.now() - started).toBeLessThan(440);
  });

  it('never runs more steps at once than the concurrency option allows', async () => {
    const { run, events } = createTestEngine({ concurrency: 2 });
    const width = 6;
    const nodes = [
      node('s', 'start'),
      ...Array.from({ length: width }, (_, i) => node(`p${i}`, 'step', { wait_ms: 20 })),
    ];
    const { status } = await run({ nodes, edges: nodes.slice(1).map((n) => edge('s', n.id)) });
    expect(status.status).toBe('completed');
    let running = 0;
    let peak = 0;
    for (const event of events) {
      if (event.event_type === 'step_started') running += 1;
      if (event.event_type === 'step_completed') running -= 1;
      peak = Math.max(peak, running);
    }
    expect(peak).toBe(2);
  });

  it('skips steps no trigger reaches, with reason unreachable', async () => {
    const { run } = createTestEngine();
    const { status, events } = await run({
      nodes: [
        node('s', 'start'),
        node('a', 'step'),
        node('island', 'step'),
        node('island2', 'step'),
      ],
      edges: [edge('s', 'a'), edge('island', 'island2')],
    });
    expect(status.status).toBe('completed');
    expect(status.steps.island?.status).toBe('skipped');
    expect(status.steps.island2?.status).toBe('skipped');
    expect(events.find((event) => event.step_id === 'island')).toMatchObject({
      event_type: 'step_skipped',
      data: { reason: 'unreachable' },
    });
  });
});

describe('ExecutionEngine: failures', () => {
  it('fails the run with the step’s error when no error branch is connected', async () => {
    const { run } = createTestEngine();
    const { status, events } = await run({
      nodes: [node('s', 'start'), node('bad', 'fail'), node('after', 'step')],
      edges: [edge('s', 'bad'), edge('bad', 'after', 'success')],
    });
    expect(status.status).toBe('failed');
    expect(status.error).toEqual({ code: 'BOOM', message: 'failed on attempt 1', step_id: 'bad' });
    expect(status.steps.bad).toMatchObject({
      status: 'failed',
      error: { code: 'BOOM' },
      attempts: 1,
    });
    expect(status.steps.after?.status).toBe('pending');
    expect(trace(events).slice(-2)).toEqual(['step_failed:bad', 'execution_failed']);
  });

  it('follows the error handle when one is connected, and the run goes on', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [
        node('s', 'start'),
        node('bad', 'fail'),
        node('ok', 'step'),
        node('recover', 'step', { value: '{{ steps.bad.error.message }}' }),
      ],
      edges: [edge('s', 'bad'), edge('bad', 'ok', 'success'), edge('bad', 'recover', 'error')],
    });
    expect(status.status).toBe('completed');
    expect(status.steps.bad).toMatchObject({ status: 'failed', output_handles: ['error'] });
    expect(status.steps.ok?.status).toBe('skipped');
    expect(status.steps.recover?.output_data).toEqual({ value: 'failed on attempt 1' });
  });

  it('turns a thrown exception into a failed step, not a crashed engine', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [node('s', 'start'), node('bad', 'fail', { mode: 'throw' })],
      edges: [edge('s', 'bad')],
    });
    expect(status.status).toBe('failed');
    expect(status.error).toEqual({
      code: 'STEP_FAILED',
      message: 'thrown on attempt 1',
      step_id: 'bad',
    });
  });

  it('accepts a plain string as the error of a failed result', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [node('s', 'start'), node('bad', 'fail', { mode: 'string' })],
      edges: [edge('s', 'bad')],
    });
    expect(status.error).toMatchObject({ code: 'STEP_FAILED', message: 'plain failure' });
  });

  it('fails a step whose expression names a step that did not run before it', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [
        node('s', 'start'),
        node('a', 'step', { value: '{{ steps.b.value }}' }),
        node('b', 'step'),
      ],
      edges: [edge('s', 'a'), edge('s', 'b')],
    });
    expect(status.status).toBe('failed');
    expect(status.error?.code).toBe('EXPRESSION_ERROR');
    expect(status.error?.message).toContain('"b"');
  });

  it('fails a step whose expression reads through a missing value', async () => {
    const { run } = createTestEngine();
    const { status } = await run(
      {
        nodes: [node('s', 'start'), node('a', 'step', { value: '{{ input.user.name }}' })],
        edges: [edge('s', 'a')],
      },
      {},
    );
    expect(status.error).toMatchObject({ code: 'EXPRESSION_ERROR', step_id: 'a' });
    expect(status.error?.message).toContain('input.user');
  });

  it('fails a step whose resolved parameter has the wrong type', async () => {
    const { run } = createTestEngine();
    const { status } = await run(
      {
        nodes: [node('s', 'start'), node('a', 'step', { wait_ms: '{{ input.wait }}' })],
        edges: [edge('s', 'a')],
      },
      { wait: 'soon' },
    );
    expect(status.error).toMatchObject({ code: 'INVALID_PARAMETERS', step_id: 'a' });
  });

  it('aborts the other running branches when the run fails', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [node('s', 'start'), node('bad', 'fail'), node('slow', 'hang')],
      edges: [edge('s', 'bad'), edge('s', 'slow')],
    });
    expect(status.status).toBe('failed');
    expect(status.steps.slow).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
  });
});

describe('ExecutionEngine: retries and timeouts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries with exponential backoff and succeeds on a later attempt', async () => {
    vi.useFakeTimers();
    const { run } = createTestEngine();
    const pending = run({
      nodes: [
        node('s', 'start'),
        node(
          'flaky',
          'fail',
          { succeed_on_attempt: 3 },
          { retry: { max_attempts: 3, backoff_ms: 100, backoff_multiplier: 2 } },
        ),
      ],
      edges: [edge('s', 'flaky')],
    });
    await vi.runAllTimersAsync();
    const { status, events } = await pending;
    expect(status.status).toBe('completed');
    expect(status.steps.flaky).toMatchObject({
      status: 'completed',
      attempts: 3,
      output_data: { attempt: 3 },
    });
    const retries = events.filter((event) => event.event_type === 'step_retrying');
    expect(retries.map((event) => event.data)).toEqual([
      { attempt: 1, delay_ms: 100, error: { code: 'BOOM', message: 'failed on attempt 1' } },
      { attempt: 2, delay_ms: 200, error: { code: 'BOOM', message: 'failed on attempt 2' } },
    ]);
  });

  it('fails after the last attempt with the last error', async () => {
    vi.useFakeTimers();
    const { run } = createTestEngine();
    const pending = run({
      nodes: [
        node('s', 'start'),
        node('bad', 'fail', {}, { retry: { max_attempts: 2, backoff_ms: 10 } }),
      ],
      edges: [edge('s', 'bad')],
    });
    await vi.runAllTimersAsync();
    const { status } = await pending;
    expect(status.steps.bad).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: { message: 'failed on attempt 2' },
    });
  });

  it('fails a step that runs past its timeout and aborts its signal', async () => {
    vi.useFakeTimers();
    const { run } = createTestEngine();
    const pending = run({
      nodes: [node('s', 'start'), node('slow', 'step', { wait_ms: 10_000 }, { timeout_ms: 50 })],
      edges: [edge('s', 'slow')],
    });
    await vi.advanceTimersByTimeAsync(60);
    const { status } = await pending;
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'TIMEOUT', step_id: 'slow' });
    expect(status.error?.message).toContain('50 ms');
  });

  it('times out a step that ignores its abort signal', async () => {
    vi.useFakeTimers();
    const { run } = createTestEngine();
    const pending = run({
      nodes: [
        node('s', 'start'),
        node('stuck', 'hang', { ignore_abort: true }, { timeout_ms: 30 }),
      ],
      edges: [edge('s', 'stuck')],
    });
    await vi.advanceTimersByTimeAsync(40);
    expect((await pending).status.error?.code).toBe('TIMEOUT');
  });
});

describe('ExecutionEngine: stopping', () => {
  it('cancels a running instance: its steps see the abort and the run ends cancelled', async () => {
    const { engine, events } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'stop me',
      workflow_data: {
        nodes: [node('s', 'start'), node('wait', 'hang')],
        edges: [edge('s', 'wait')],
      },
    });
    const { done } = await engine.startWorkflow(instance.instance_id);
    await vi.waitFor(() =>
      expect(
        events.some((event) => event.event_type === 'step_started' && event.step_id === 'wait'),
      ).toBe(true),
    );
    const stopped = await engine.stopWorkflow(instance.instance_id, 'User pressed stop');
    expect(stopped.status).toBe('cancelled');
    expect(stopped.error).toEqual({ code: 'CANCELLED', message: 'User pressed stop' });
    expect(stopped.steps.wait).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
    expect(await done).toEqual(stopped);
    expect(events.at(-1)).toMatchObject({
      event_type: 'execution_cancelled',
      data: { reason: 'User pressed stop' },
    });
    expect((await engine.store.getInstance(instance.instance_id))?.status).toBe('cancelled');
  });

  it('ends promptly even when a step ignores the abort', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'stubborn',
      workflow_data: {
        nodes: [node('s', 'start'), node('wait', 'hang', { ignore_abort: true })],
        edges: [edge('s', 'wait')],
      },
    });
    await engine.startWorkflow(instance.instance_id);
    expect((await engine.stopWorkflow(instance.instance_id)).status).toBe('cancelled');
    expect(engine.isRunning(instance.instance_id)).toBe(false);
  });

  it('refuses to stop an instance that is not running', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'idle',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    await expect(engine.stopWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(engine.stopWorkflow('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('ExecutionEngine: bad input', () => {
  it('refuses an invalid workflow with every problem', async () => {
    const { engine } = createTestEngine();
    const error = await engine
      .createInstance({
        name: 'bad',
        workflow_data: {
          nodes: [node('a', 'nope'), node('b', 'set', {})],
          edges: [edge('a', 'ghost')],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowloomError);
    expect((error as FlowloomError).code).toBe('INVALID_WORKFLOW');
    const messages = (error as FlowloomError).issues.map((issue) => issue.message).join('\n');
    expect(messages).toContain('Unknown component type "nope"');
    expect(messages).toContain('ghost');
    expect(messages).toContain('Name is required');
  });

  it('refuses a missing name and a non-object workflow with VALIDATION_FAILED or INVALID_WORKFLOW', async () => {
    const { engine } = createTestEngine();
    await expect(
      engine.createInstance({ name: '', workflow_data: { nodes: [] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      engine.createInstance({ name: 'x', workflow_data: 'not a workflow' }),
    ).rejects.toMatchObject({ code: 'INVALID_WORKFLOW' });
    await expect(engine.createInstance({ name: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('creates an instance from a saved workflow, and refuses an unknown workflow id', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({
      name: 'saved',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    const instance = await engine.createInstance({
      name: 'from saved',
      workflow_id: saved.workflow_id,
      created_by: 'u1',
    });
    expect(instance).toMatchObject({
      workflow_id: saved.workflow_id,
      status: 'pending',
      created_by: 'u1',
    });
    await expect(
      engine.createInstance({ name: 'x', workflow_id: 'missing' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to execute an unknown instance, a running one, or input that is not an object', async () => {
    const { engine } = createTestEngine();
    await expect(engine.executeWorkflow('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const instance = await engine.createInstance({
      name: 'busy',
      workflow_data: { nodes: [node('s', 'start'), node('w', 'hang')], edges: [edge('s', 'w')] },
    });
    await expect(
      engine.executeWorkflow(instance.instance_id, [] as unknown as Record<string, unknown>),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const first = engine.startWorkflow(instance.instance_id);
    const second = engine.startWorkflow(instance.instance_id);
    await expect(second).rejects.toMatchObject({ code: 'CONFLICT' });
    await first;
    await expect(engine.executeWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await engine.stopWorkflow(instance.instance_id);
  });

  it('fails a step whose component returns no proper result, or an undeclared handle', async () => {
    const { engine } = createTestEngine();
    engine.registry.registerComponent({
      type: 'broken',
      name: 'Broken',
      category: 'utilities',
      execute: async () => undefined as never,
    });
    engine.registry.registerComponent({
      type: 'wrong_handle',
      name: 'Wrong',
      category: 'utilities',
      execute: async () => ({ success: true, output_data: {}, output_handle: 'nowhere' }),
    });
    for (const type of ['broken', 'wrong_handle']) {
      const instance = await engine.createInstance({
        name: type,
        workflow_data: { nodes: [node('s', 'start'), node('x', type)], edges: [edge('s', 'x')] },
      });
      const status = await engine.executeWorkflow(instance.instance_id);
      expect(status.error).toMatchObject({ code: 'INVALID_RESULT', step_id: 'x' });
    }
  });

  it('keeps running when an event listener throws', async () => {
    const { engine } = createTestEngine();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    engine.on('step_completed', () => {
      throw new Error('listener bug');
    });
    const instance = await engine.createInstance({
      name: 'l',
      workflow_data: { nodes: [node('s', 'start'), node('a', 'step')], edges: [edge('s', 'a')] },
    });
    expect((await engine.executeWorkflow(instance.instance_id)).status).toBe('completed');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('ExecutionEngine: events and status', () => {
  it('delivers one instance’s events to its subscribers only, until they unsubscribe', async () => {
    const { engine } = createTestEngine();
    const workflow_data = { nodes: [node('s', 'start')], edges: [] };
    const one = await engine.createInstance({ name: 'one', workflow_data });
    const two = await engine.createInstance({ name: 'two', workflow_data });
    const seen: string[] = [];
    const unsubscribe = engine.subscribe(one.instance_id, (event) => seen.push(event.instance_id));
    await engine.executeWorkflow(one.instance_id);
    await engine.executeWorkflow(two.instance_id);
    expect(new Set(seen)).toEqual(new Set([one.instance_id]));
    const count = seen.length;
    unsubscribe();
    await engine.executeWorkflow(one.instance_id);
    expect(seen).toHaveLength(count);
  });

  it('emits each event type under its own name', async () => {
    const { engine } = createTestEngine();
    const completed: string[] = [];
    engine.on('step_completed', (event) => completed.push(event.step_id!));
    const instance = await engine.createInstance({
      name: 'x',
      workflow_data: { nodes: [node('s', 'start'), node('a', 'step')], edges: [edge('s', 'a')] },
    });
    await engine.executeWorkflow(instance.instance_id);
    expect(completed).toEqual(['s', 'a']);
  });

  it('rebuilds the status of a finished run from its stored events alone', async () => {
    const { engine, store, run } = createTestEngine();
    const { instance, status } = await run({
      nodes: [node('s', 'start'), node('a', 'step', { value: 3 })],
      edges: [edge('s', 'a')],
    });
    const other = new (engine.constructor as typeof import('./ExecutionEngine').ExecutionEngine)({
      registry: engine.registry,
      store,
    });
    expect(await other.getStatus(instance.instance_id)).toEqual(status);
  });

  it('reports a pending instance before any run and NOT_FOUND for an unknown one', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'p',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    expect(await engine.getStatus(instance.instance_id)).toMatchObject({
      status: 'pending',
      progress: { completed: 0, total: 1 },
    });
    await expect(engine.getStatus('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports live status while a run is going', async () => {
    const { engine, events } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'live',
      workflow_data: { nodes: [node('s', 'start'), node('w', 'hang')], edges: [edge('s', 'w')] },
    });
    await engine.startWorkflow(instance.instance_id);
    await vi.waitFor(() => expect(events.some((event) => event.step_id === 'w')).toBe(true));
    expect(await engine.getStatus(instance.instance_id)).toMatchObject({
      status: 'running',
      steps: { s: { status: 'completed' }, w: { status: 'running' } },
    });
    await engine.close({ graceMs: 0 });
    expect(engine.isRunning(instance.instance_id)).toBe(false);
  });
});

describe('ExecutionEngine: a failing store', () => {
  it('fails the run with STORE_ERROR when its journal cannot be stored, and starts no dependant', async () => {
    const { engine, store } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'x',
      workflow_data: { nodes: [node('s', 'start'), node('a', 'step')], edges: [edge('s', 'a')] },
    });
    vi.spyOn(store, 'appendEvents').mockRejectedValue(new Error('disk full'));
    const status = await engine.executeWorkflow(instance.instance_id);
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'STORE_ERROR' });
    expect(status.error?.message).toContain('disk full');
    expect(status.steps.a?.status).toBe('pending');
    expect((await store.getInstance(instance.instance_id))?.status).toBe('failed');
  });
});

describe('ExecutionEngine: shared parameter objects', () => {
  it('fails a step that tries to change its input_data instead of letting it leak into later runs', async () => {
    const { engine } = createTestEngine();
    engine.registry.registerComponent({
      type: 'mutate',
      name: 'Mutate',
      category: 'utilities',
      parameters: [{ name: 'config', label: 'Config', type: 'json', default: { calls: 0 } }],
      async execute({ input_data }) {
        (input_data.config as { calls: number }).calls += 1;
        return { success: true, output_data: {} };
      },
    });
    const instance = await engine.createInstance({
      name: 'm',
      workflow_data: { nodes: [node('s', 'start'), node('m', 'mutate')], edges: [edge('s', 'm')] },
    });
    const first = await engine.executeWorkflow(instance.instance_id);
    expect(first.error).toMatchObject({ code: 'STEP_FAILED', step_id: 'm' });
    expect(engine.registry.getComponent('mutate')?.parameters[0]?.default).toEqual({ calls: 0 });
  });
});
