import { describe, expect, it, vi } from 'vitest';
import type { ExecutionStatus } from '../schema/executionStatus';
import { applyEventToStatus, emptyExecutionStatus } from './applyEventToStatus';
import { edge, node } from './engineTestKit.test-helpers';
import { chainWorkflow, createLifecycleKit, storedOfType } from './lifecycleKit.test-helpers';

/** Runs the chain with `b` failing; resolves with the failed run's kit, engine and instance. */
async function failedChain(workflow_data: unknown = chainWorkflow()) {
  const kit = createLifecycleKit();
  const engine = kit.engine();
  const instance = await engine.createInstance({ name: 'chain', workflow_data });
  kit.failing.add('b');
  const status = await engine.executeWorkflow(instance.instance_id, { n: 1 });
  expect(status.status).toBe('failed');
  kit.failing.delete('b');
  kit.calls.length = 0;
  return { kit, engine, instanceId: instance.instance_id };
}

describe('ExecutionEngine.retryWorkflow', () => {
  it('re-runs the failed middle step and its downstream, reusing the upstream outputs', async () => {
    const { kit, engine, instanceId } = await failedChain();
    const { instance, done } = await engine.retryWorkflow(instanceId);
    expect(instance.status).toBe('running');
    const status = await done;
    expect(status.status).toBe('completed');
    expect(kit.calledSteps()).toEqual(['b', 'c']);
    expect(status.steps.c?.output_data).toEqual({ step: 'c', value: 'from a via b via c' });
    expect(status.progress).toEqual({ completed: 4, total: 4 });
    expect(await kit.store.getInstance(instanceId)).toMatchObject({
      status: 'completed',
      error: null,
    });
  });

  it('records execution_retried with the reset steps and continues the seq', async () => {
    const { kit, engine, instanceId } = await failedChain();
    const before = (await kit.store.listEvents(instanceId)).length;
    await (await engine.retryWorkflow(instanceId)).done;
    const events = await kit.store.listEvents(instanceId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, at) => at + 1));
    expect(events[before]).toMatchObject({
      event_type: 'execution_retried',
      data: { step_ids: ['b'] },
    });
    expect(events.filter((event) => event.event_type === 'execution_started')).toHaveLength(1);
  });

  it('continues attempt numbers: a step that used 2 attempts starts at attempt 3', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    const workflow = chainWorkflow();
    workflow.nodes[2] = node(
      'b',
      'work',
      { value: 'b' },
      { retry: { max_attempts: 2, backoff_ms: 0 } },
    );
    const instance = await engine.createInstance({ name: 'x', workflow_data: workflow });
    kit.failing.add('b');
    await engine.executeWorkflow(instance.instance_id);
    kit.failing.delete('b');
    const status = await (await engine.retryWorkflow(instance.instance_id)).done;
    expect(status.steps.b).toMatchObject({ status: 'completed', attempts: 3 });
    const starts = await storedOfType(kit.store, instance.instance_id, 'step_started');
    expect(starts.filter((e) => e.step_id === 'b').map((e) => e.data)).toMatchObject([
      { attempt: 1 },
      { attempt: 2 },
      { attempt: 3 },
    ]);
    expect(kit.calls.filter((call) => call.step_id === 'b').map((c) => c.idempotency_key)).toEqual(
      [1, 2, 3].map((attempt) => `${instance.instance_id}:b:${attempt}`),
    );
  });

  it('keeps a parallel branch that completed, and runs the join it feeds once', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    // a → b, and a parallel branch a → d; b fails while d completed.
    const instance = await engine.createInstance({
      name: 'fan',
      workflow_data: {
        nodes: [
          node('start', 'start'),
          node('a', 'work'),
          node('b', 'work'),
          node('d', 'work'),
          node('join', 'work'),
        ],
        edges: [
          edge('start', 'a'),
          edge('a', 'b'),
          edge('a', 'd'),
          edge('b', 'join'),
          edge('d', 'join'),
        ],
      },
    });
    kit.failing.add('b');
    kit.held.add('b');
    const { done } = await engine.startWorkflow(instance.instance_id);
    await kit.heldAt('b');
    await vi.waitFor(async () => {
      expect((await engine.getStatus(instance.instance_id)).steps.d?.status).toBe('completed');
    });
    kit.release('b');
    expect((await done).status).toBe('failed');
    kit.failing.delete('b');
    kit.calls.length = 0;
    const status = await (await engine.retryWorkflow(instance.instance_id)).done;
    expect(status.status).toBe('completed');
    expect(kit.calledSteps()).toEqual(['b', 'join']);
    expect(status.steps.join?.output_data).toEqual({ step: 'join' });
  });

  it('retries a cancelled run: the stopped step and the ones never started run', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    const instance = await engine.createInstance({ name: 'x', workflow_data: chainWorkflow() });
    kit.held.add('b');
    await engine.startWorkflow(instance.instance_id);
    await kit.heldAt('b');
    expect((await engine.stopWorkflow(instance.instance_id)).status).toBe('cancelled');
    kit.held.delete('b');
    kit.calls.length = 0;
    const status = await (await engine.retryWorkflow(instance.instance_id)).done;
    expect(status.status).toBe('completed');
    expect(kit.calledSteps()).toEqual(['b', 'c']);
    expect(status.steps.b?.attempts).toBe(2);
  });

  it('gives the same status live, rebuilt from the journal and through the client reducer', async () => {
    const { kit, engine, instanceId } = await failedChain();
    const live = await (await engine.retryWorkflow(instanceId)).done;
    const rebuilt = await kit.engine().getStatus(instanceId);
    let client: ExecutionStatus = emptyExecutionStatus(instanceId);
    for (const event of await kit.store.listEvents(instanceId)) {
      client = applyEventToStatus(client, event);
    }
    for (const status of [rebuilt, client]) {
      expect(status.status).toBe(live.status);
      expect(status.progress).toEqual(live.progress);
      for (const id of ['start', 'a', 'b', 'c']) {
        expect(status.steps[id]).toMatchObject({
          status: live.steps[id]?.status,
          attempts: live.steps[id]?.attempts,
        });
      }
    }
  });

  it('resumes a retry its process was killed during, keeping the retried attempt numbers', async () => {
    const { kit, engine, instanceId } = await failedChain();
    kit.held.add('b');
    await engine.retryWorkflow(instanceId);
    await kit.heldAt('b');
    // The first engine is abandoned mid-retry: a killed process.
    kit.held.delete('b');
    const status = await (await kit.engine().resumeWorkflow(instanceId)).done;
    expect(status.status).toBe('completed');
    expect(kit.calls.filter((call) => call.step_id === 'b').map((c) => c.idempotency_key)).toEqual([
      `${instanceId}:b:2`,
      `${instanceId}:b:2`,
    ]);
    expect(kit.calledSteps()).toEqual(['b', 'b', 'c']);
  });
});

describe('ExecutionEngine.retryWorkflow refuses', () => {
  it('a completed run, one that never ran and an unknown instance', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    const done = await engine.createInstance({ name: 'x', workflow_data: chainWorkflow() });
    await engine.executeWorkflow(done.instance_id);
    const fresh = await engine.createInstance({ name: 'y', workflow_data: chainWorkflow() });
    await expect(engine.retryWorkflow(done.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/completed/),
    });
    await expect(engine.retryWorkflow(fresh.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has not run/),
    });
    await expect(engine.retryWorkflow('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a running run, here or in another process, and an interrupted one', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    const instance = await engine.createInstance({ name: 'x', workflow_data: chainWorkflow() });
    kit.held.add('b');
    await engine.startWorkflow(instance.instance_id);
    await kit.heldAt('b');
    await expect(engine.retryWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(kit.engine().retryWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/running/),
    });
    await engine.close({ graceMs: 0 });
    await expect(kit.engine().retryWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/interrupted/),
    });
  });
});
