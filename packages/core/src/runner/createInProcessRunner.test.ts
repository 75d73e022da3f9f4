import { describe, expect, it } from 'vitest';
import { ExecutionEngine } from '../executor/ExecutionEngine';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { createInProcessRunner } from './createInProcessRunner';

const WORKFLOW = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'pause', type: 'delay', data: { parameters: { ms: 20 } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'pause' }],
};

describe('createInProcessRunner', () => {
  it('runs on the engine and hands its live events to subscribers in seq order', async () => {
    const engine = new ExecutionEngine({ store: new MemoryStore() });
    const runner = createInProcessRunner(engine);
    const instance = await engine.createInstance({ name: 'runner', workflow_data: WORKFLOW });
    const seen: ExecutionEvent[] = [];
    runner.subscribe(instance.instance_id, (event) => seen.push(event));
    const started = await runner.start(instance.instance_id, { who: 'runner' });
    expect(await runner.isRunning(instance.instance_id)).toBe(true);
    expect((await started.done).status).toBe('completed');
    expect(await runner.isRunning(instance.instance_id)).toBe(false);
    const stored = await engine.store.listEvents(instance.instance_id);
    expect(seen.map((event) => event.seq)).toEqual(stored.map((event) => event.seq));
    await runner.close();
  });

  it('stops a run through the engine and refuses new runs once closed', async () => {
    const engine = new ExecutionEngine({ store: new MemoryStore() });
    const runner = createInProcessRunner(engine);
    const slow = {
      ...WORKFLOW,
      nodes: [
        WORKFLOW.nodes[0]!,
        { id: 'pause', type: 'delay', data: { parameters: { ms: 60_000 } } },
      ],
    };
    const instance = await engine.createInstance({ name: 'slow', workflow_data: slow });
    await runner.start(instance.instance_id);
    expect((await runner.stop(instance.instance_id, 'enough')).status).toBe('cancelled');
    await runner.close();
    await expect(runner.start(instance.instance_id)).rejects.toMatchObject({
      code: 'SHUTTING_DOWN',
    });
  });
});
