import { describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import { createTestEngine, edge, node } from './engineTestKit.test-helpers';

/** start → a → b, and start → side: `until: 'a'` needs start and a only. */
const forked = {
  nodes: [
    node('start', 'start'),
    node('a', 'step', { value: 'a' }),
    node('b', 'step', { value: 'b' }),
    node('side', 'step', { value: 'side' }),
  ],
  edges: [edge('start', 'a'), edge('a', 'b'), edge('start', 'side')],
};

/** Two triggers: `one` → shared ← `two`, and `two` → only_two. */
const twoTriggers = {
  nodes: [
    node('one', 'start'),
    node('two', 'start'),
    node('shared', 'step', { value: '{{ input.n }}' }),
    node('only_two', 'step', { value: 'two' }),
  ],
  edges: [edge('one', 'shared'), edge('two', 'shared'), edge('two', 'only_two')],
};

function skipReasons(events: readonly ExecutionEvent[]): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const event of events) {
    if (event.event_type === 'step_skipped') reasons[event.step_id!] = event.data.reason;
  }
  return reasons;
}

describe('ExecutionEngine `until`', () => {
  it('runs the step and its ancestors only, skipping the others as not needed', async () => {
    const { engine, events } = createTestEngine();
    const { instance_id } = await engine.createInstance({ name: 'until', workflow_data: forked });
    const status = await engine.executeWorkflow(instance_id, {}, { until: 'a' });
    expect(status.status).toBe('completed');
    expect(status.steps.start?.status).toBe('completed');
    expect(status.steps.a?.status).toBe('completed');
    expect(skipReasons(events)).toEqual({ b: 'not_needed', side: 'not_needed' });
  });

  it('records what the run was scoped to in execution_started', async () => {
    const { engine, events } = createTestEngine();
    const { instance_id } = await engine.createInstance({ name: 'until', workflow_data: forked });
    await engine.executeWorkflow(instance_id, {}, { until: 'a' });
    expect(events.find((event) => event.event_type === 'execution_started')?.data).toMatchObject({
      until: 'a',
    });
  });

  it('keeps the scope when a failed run is retried', async () => {
    const { engine, events } = createTestEngine();
    const { instance_id } = await engine.createInstance({
      name: 'retry until',
      workflow_data: {
        nodes: [node('start', 'start'), node('bad', 'fail'), node('after', 'step')],
        edges: [edge('start', 'bad'), edge('bad', 'after', 'success')],
      },
    });
    const failed = await engine.executeWorkflow(instance_id, {}, { until: 'bad' });
    expect(failed.status).toBe('failed');
    const { done } = await engine.retryWorkflow(instance_id);
    expect((await done).steps.after?.status).toBe('skipped');
    const retried = events.slice(
      events.findIndex((event) => event.event_type === 'execution_retried'),
    );
    expect(skipReasons(retried)).toEqual({ after: 'not_needed' });
  });

  it('refuses a step the workflow does not have with VALIDATION_FAILED', async () => {
    const { engine } = createTestEngine();
    const { instance_id } = await engine.createInstance({ name: 'until', workflow_data: forked });
    await expect(engine.executeWorkflow(instance_id, {}, { until: 'ghost' })).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'until' }],
      },
    );
    expect(engine.isRunning(instance_id)).toBe(false);
  });
});

describe('ExecutionEngine `startAt`', () => {
  it('starts at one entry step, skipping the others and what only they lead to', async () => {
    const { engine, events } = createTestEngine();
    const { instance_id } = await engine.createInstance({
      name: 'one',
      workflow_data: twoTriggers,
    });
    const status = await engine.executeWorkflow(instance_id, { n: 5 }, { startAt: 'one' });
    expect(status.status).toBe('completed');
    expect(status.steps.shared?.output_data).toEqual({ value: 5 });
    expect(skipReasons(events)).toEqual({ two: 'not_triggered', only_two: 'branch_not_taken' });
  });

  it('refuses a step that is not an entry step with VALIDATION_FAILED', async () => {
    const { engine } = createTestEngine();
    const { instance_id } = await engine.createInstance({
      name: 'one',
      workflow_data: twoTriggers,
    });
    await expect(
      engine.executeWorkflow(instance_id, {}, { startAt: 'shared' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'startAt' }] });
  });

  it('runs every entry step when not given', async () => {
    const { run } = createTestEngine();
    const { status } = await run(twoTriggers, { n: 1 });
    expect(status.steps.one?.status).toBe('completed');
    expect(status.steps.two?.status).toBe('completed');
    expect(status.steps.only_two?.status).toBe('completed');
  });
});
