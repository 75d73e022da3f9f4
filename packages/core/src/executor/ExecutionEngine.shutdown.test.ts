import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEvent } from './applyEvent';
import { chainWorkflow, createLifecycleKit, storedOfType } from './lifecycleKit.test-helpers';
import { createRunState } from './runState';

afterEach(() => {
  vi.useRealTimers();
});

async function startChain(kit: ReturnType<typeof createLifecycleKit>, holdAt = 'b') {
  const engine = kit.engine();
  const instance = await engine.createInstance({ name: 'chain', workflow_data: chainWorkflow() });
  kit.held.add(holdAt);
  const started = await engine.startWorkflow(instance.instance_id);
  await kit.heldAt(holdAt);
  return { engine, instanceId: instance.instance_id, done: started.done };
}

describe('ExecutionEngine.close: no new runs', () => {
  it('refuses start, resume and retry with SHUTTING_DOWN once closing', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine();
    const instance = await engine.createInstance({ name: 'x', workflow_data: chainWorkflow() });
    await engine.close();
    for (const call of [
      () => engine.startWorkflow(instance.instance_id),
      () => engine.resumeWorkflow(instance.instance_id),
      () => engine.retryWorkflow(instance.instance_id),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    }
  });
});

describe('ExecutionEngine.close: the grace period', () => {
  it('lets a running step finish and journals it, then ends the run interrupted without starting its dependants', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId, done } = await startChain(kit);
    const closed = engine.close({ graceMs: 60_000 });
    kit.release('b');
    await closed;
    expect((await done).status).toBe('interrupted');
    expect(kit.calledSteps()).toEqual(['start', 'a', 'b']);
    const lifecycle = await storedOfType(
      kit.store,
      instanceId,
      'step_completed',
      'step_started',
      'execution_interrupted',
      'execution_cancelled',
    );
    expect(lifecycle.map((event) => `${event.event_type}:${event.step_id ?? ''}`)).toEqual([
      'step_started:start',
      'step_completed:start',
      'step_started:a',
      'step_completed:a',
      'step_started:b',
      'step_completed:b',
      'execution_interrupted:',
    ]);
    expect(await kit.store.getInstance(instanceId)).toMatchObject({
      status: 'interrupted',
      finished_at: null,
      error: null,
    });
  });

  it('interrupts the runs whose steps outlast the grace period, leaving those steps running', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const kit = createLifecycleKit();
    const { engine, instanceId, done } = await startChain(kit);
    let closed = false;
    const closing = engine.close({ graceMs: 5_000 }).then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    const status = await done;
    expect(status.status).toBe('interrupted');
    expect(status.steps.b).toMatchObject({ status: 'running', attempts: 1 });
    expect(await storedOfType(kit.store, instanceId, 'step_failed', 'execution_cancelled')).toEqual(
      [],
    );
    expect((await kit.store.getInstance(instanceId))?.status).toBe('interrupted');
  });

  it('waits 10 seconds by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const kit = createLifecycleKit();
    const { engine } = await startChain(kit);
    let closed = false;
    const closing = engine.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(closed).toBe(true);
  });

  it('ends a run that completes during the grace period completed', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId, done } = await startChain(kit, 'c');
    const closed = engine.close({ graceMs: 60_000 });
    kit.release('c');
    await closed;
    expect((await done).status).toBe('completed');
    expect((await kit.store.getInstance(instanceId))?.status).toBe('completed');
  });
});

describe('ExecutionEngine: resuming an interrupted run', () => {
  it('runs the abandoned attempt again with the same idempotency key, and no finished step twice', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId } = await startChain(kit);
    await engine.close({ graceMs: 0 });
    kit.held.delete('b');
    const next = kit.engine();
    const status = await (await next.resumeWorkflow(instanceId)).done;
    expect(status.status).toBe('completed');
    expect(kit.calledSteps()).toEqual(['start', 'a', 'b', 'b', 'c']);
    const keys = kit.calls.filter((call) => call.step_id === 'b').map((c) => c.idempotency_key);
    expect(keys).toEqual([`${instanceId}:b:1`, `${instanceId}:b:1`]);
    expect(status.steps.c?.output_data).toEqual({ step: 'c', value: 'from a via b via c' });
    const completed = await storedOfType(kit.store, instanceId, 'step_completed');
    expect(completed.map((event) => event.step_id)).toEqual(['start', 'a', 'b', 'c']);
    expect((await storedOfType(kit.store, instanceId, 'execution_resumed'))[0]?.data).toEqual({
      step_ids: ['b'],
    });
    const stored = await kit.store.listEvents(instanceId);
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, at) => at + 1));
    expect((await kit.store.getInstance(instanceId))?.status).toBe('completed');
  });

  it('reports an interrupted run as interrupted, from the journal and from the reducer alike', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId } = await startChain(kit);
    await engine.close({ graceMs: 0 });
    const status = await kit.engine().getStatus(instanceId);
    expect(status.status).toBe('interrupted');
    const state = createRunState(instanceId, ['start', 'a', 'b', 'c']);
    for (const event of await kit.store.listEvents(instanceId)) applyEvent(state, event);
    expect(state.status).toBe('interrupted');
  });

  it('refuses to execute an interrupted instance, pointing at resume and stop', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId } = await startChain(kit);
    await engine.close({ graceMs: 0 });
    const error = await kit
      .engine()
      .startWorkflow(instanceId)
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toMatch(/resumes when the server starts/);
    expect((error as Error).message).toMatch(/stop it/);
  });
});

describe('ExecutionEngine.stopWorkflow: runs no process holds', () => {
  it('cancels an interrupted run from its journal', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId } = await startChain(kit);
    await engine.close({ graceMs: 0 });
    const stopped = await kit.engine().stopWorkflow(instanceId, 'No longer needed');
    expect(stopped.status).toBe('cancelled');
    expect(stopped.error).toEqual({ code: 'CANCELLED', message: 'No longer needed' });
    expect(stopped.steps.b).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
    expect((await kit.store.listEvents(instanceId)).at(-1)).toMatchObject({
      event_type: 'execution_cancelled',
      data: { reason: 'No longer needed' },
    });
    expect((await kit.store.getInstance(instanceId))?.status).toBe('cancelled');
  });

  it('cancels a run a killed process left running only when told it is orphaned', async () => {
    const kit = createLifecycleKit();
    const { instanceId } = await startChain(kit);
    // The first engine is abandoned mid-run: a killed process.
    const next = kit.engine();
    await expect(next.stopWorkflow(instanceId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const stopped = await next.stopWorkflow(instanceId, 'Stopped', { cancelOrphaned: true });
    expect(stopped.status).toBe('cancelled');
    expect((await kit.store.getInstance(instanceId))?.status).toBe('cancelled');
  });
});
