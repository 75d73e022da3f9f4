import { describe, expect, it } from 'vitest';
import { createTestEngine, edge, node } from './engineTestKit.test-helpers';

/** A two-step workflow whose second step carries `value`. */
const twoSteps = (value: string) => ({
  nodes: [node('s', 'start'), node('a', 'step', { value })],
  edges: [edge('s', 'a')],
});

describe('ExecutionEngine: run history', () => {
  it('runs the latest saved version by default and records it as workflow_version', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({ name: 'W', workflow_data: twoSteps('one') });
    await store.saveWorkflow({
      workflow_id: saved.workflow_id,
      name: 'W',
      workflow_data: twoSteps('two'),
    });
    const instance = await engine.createInstance({ name: 'run', workflow_id: saved.workflow_id });
    expect(instance.workflow_version).toBe(2);
    const status = await engine.executeWorkflow(instance.instance_id);
    expect(status.steps.a?.output_data).toEqual({ value: 'two' });
  });

  it('runs the saved version it is asked for', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({ name: 'W', workflow_data: twoSteps('one') });
    await store.saveWorkflow({
      workflow_id: saved.workflow_id,
      name: 'W',
      workflow_data: twoSteps('two'),
    });
    const instance = await engine.createInstance({
      name: 'run',
      workflow_id: saved.workflow_id,
      version: 1,
    });
    expect(instance).toMatchObject({ workflow_id: saved.workflow_id, workflow_version: 1 });
    const status = await engine.executeWorkflow(instance.instance_id);
    expect(status.steps.a?.output_data).toEqual({ value: 'one' });
  });

  it('answers NOT_FOUND for a version the workflow does not have', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({ name: 'W', workflow_data: twoSteps('one') });
    await expect(
      engine.createInstance({ name: 'run', workflow_id: saved.workflow_id, version: 2 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('version 2') });
  });

  it('refuses a version without a workflow_id or beside a document', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({ name: 'W', workflow_data: twoSteps('one') });
    for (const input of [
      { name: 'run', version: 1, workflow_data: twoSteps('x') },
      { name: 'run', version: 1, workflow_id: saved.workflow_id, workflow_data: twoSteps('x') },
    ]) {
      await expect(engine.createInstance(input)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: 'version' })],
      });
    }
  });

  it('records no version for an instance made from a document, even with a workflow_id', async () => {
    const { engine, store } = createTestEngine();
    const saved = await store.saveWorkflow({ name: 'W', workflow_data: twoSteps('one') });
    const instance = await engine.createInstance({
      name: 'run',
      workflow_id: saved.workflow_id,
      workflow_data: twoSteps('edited'),
    });
    expect(instance).toMatchObject({ workflow_id: saved.workflow_id, workflow_version: null });
  });

  it('records the trigger and the parent run it is given', async () => {
    const { engine } = createTestEngine();
    const instance = await engine.createInstance({
      name: 'child',
      workflow_data: twoSteps('x'),
      trigger: { type: 'webhook', step_id: 'hook' },
      parent_instance_id: 'inst_parent',
      parent_step_id: 'call',
    });
    expect(instance).toMatchObject({
      trigger: { type: 'webhook', step_id: 'hook' },
      parent_instance_id: 'inst_parent',
      parent_step_id: 'call',
      progress: null,
    });
  });

  it('keeps the progress of a run on the instance when it ends', async () => {
    const { store, run } = createTestEngine();
    const { instance } = await run({
      nodes: [node('s', 'start'), node('a', 'step'), node('b', 'fail', { mode: 'throw' })],
      edges: [edge('s', 'a'), edge('a', 'b')],
    });
    expect((await store.getInstance(instance.instance_id))?.progress).toEqual({
      completed: 3,
      total: 3,
    });
    const { instance: done } = await run(twoSteps('ok'));
    const summary = (await store.listInstanceSummaries()).instances.find(
      (listed) => listed.instance_id === done.instance_id,
    );
    expect(summary).toMatchObject({ status: 'completed', progress: { completed: 2, total: 2 } });
    expect(summary?.duration_ms).toEqual(expect.any(Number));
  });
});
