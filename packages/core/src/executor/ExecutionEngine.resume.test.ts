import { describe, expect, it, vi } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { edge, node } from './engineTestKit.test-helpers';

/**
 * A process "crashes" by being abandoned mid-run: its engine is never closed and its stuck step
 * never returns. A second engine on the same store then resumes the run.
 */
function createCrashKit() {
  const store = new MemoryStore();
  const calls: string[] = [];
  let stuck = true;
  const registry = new ComponentRegistry({
    components: [
      defineComponent({
        type: 'start',
        name: 'Start',
        category: 'triggers',
        input_handles: [],
        async execute({ step_id, run_input }) {
          calls.push(step_id);
          return { success: true, output_data: { ...run_input } };
        },
      }),
      defineComponent({
        type: 'count',
        name: 'Count',
        category: 'utilities',
        async execute({ step_id, input }) {
          calls.push(step_id);
          return { success: true, output_data: { n: ((input as { n?: number }).n ?? 0) + 1 } };
        },
      }),
      defineComponent({
        type: 'crash_once',
        name: 'Crash once',
        category: 'utilities',
        async execute({ step_id, input }) {
          calls.push(step_id);
          if (stuck) {
            stuck = false;
            return new Promise(() => {});
          }
          return { success: true, output_data: { after: input } };
        },
      }),
    ],
  });
  const events: ExecutionEvent[] = [];
  // One lease owner: the second engine is the first one's process restarted, not a live rival.
  const first = new ExecutionEngine({ registry, store, ownerId: 'crash-kit' });
  first.on('event', (event) => events.push(event));
  const second = new ExecutionEngine({ registry, store, ownerId: 'crash-kit' });
  return { store, calls, first, second, events };
}

describe('ExecutionEngine.resumeWorkflow', () => {
  it('continues an interrupted run without running finished steps again', async () => {
    const { store, calls, first, second, events } = createCrashKit();
    const instance = await first.createInstance({
      name: 'crashy',
      workflow_data: {
        nodes: [
          node('s', 'start'),
          node('a', 'count'),
          node('b', 'crash_once'),
          node('c', 'count'),
        ],
        edges: [edge('s', 'a'), edge('a', 'b'), edge('b', 'c')],
      },
    });
    await first.startWorkflow(instance.instance_id, { n: 10 });
    await vi.waitFor(() =>
      expect(events.some((e) => e.event_type === 'step_started' && e.step_id === 'b')).toBe(true),
    );
    expect(calls).toEqual(['s', 'a', 'b']);

    const { done } = await second.resumeWorkflow(instance.instance_id);
    const status = await done;
    expect(status.status).toBe('completed');
    expect(calls).toEqual(['s', 'a', 'b', 'b', 'c']);
    expect(status.steps.c?.output_data).toEqual({ n: 1 });
    expect(status.steps.b?.output_data).toEqual({ after: { n: 11 } });
    const stored = await store.listEvents(instance.instance_id);
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, index) => index + 1));
    expect((await store.getInstance(instance.instance_id))?.status).toBe('completed');
  });

  it('fails a resumed run whose journal ends with an unhandled failure', async () => {
    const { store, second } = createCrashKit();
    const instance = await second.createInstance({
      name: 'x',
      workflow_data: { nodes: [node('s', 'start'), node('a', 'count')], edges: [edge('s', 'a')] },
    });
    await store.updateInstance(instance.instance_id, { status: 'running' });
    const base = { instance_id: instance.instance_id, timestamp: '2026-01-01T00:00:00.000Z' };
    await store.appendEvents([
      {
        ...base,
        seq: 1,
        event_type: 'execution_started',
        data: { input_data: {}, variables: {}, total_steps: 2 },
      },
      {
        ...base,
        seq: 2,
        event_type: 'step_failed',
        step_id: 's',
        data: {
          error: { code: 'BOOM', message: 'lost power' },
          attempts: 1,
          duration_ms: 1,
          output_handles: [],
        },
      },
    ]);
    const status = await (await second.resumeWorkflow(instance.instance_id)).done;
    expect(status.status).toBe('failed');
    expect(status.error).toEqual({ code: 'BOOM', message: 'lost power', step_id: 's' });
    expect((await store.listEvents(instance.instance_id)).at(-1)?.event_type).toBe(
      'execution_failed',
    );
  });

  it('only corrects the instance record when the journal already ended', async () => {
    const { store, second, calls } = createCrashKit();
    const instance = await second.createInstance({
      name: 'x',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    await second.executeWorkflow(instance.instance_id);
    await store.updateInstance(instance.instance_id, { status: 'running' });
    const before = (await store.listEvents(instance.instance_id)).length;
    const status = await (await second.resumeWorkflow(instance.instance_id)).done;
    expect(status.status).toBe('completed');
    expect(calls).toEqual(['s']);
    expect(await store.listEvents(instance.instance_id)).toHaveLength(before);
    expect((await store.getInstance(instance.instance_id))?.status).toBe('completed');
  });

  it('refuses an instance that was not interrupted, or is running here', async () => {
    const { second } = createCrashKit();
    const instance = await second.createInstance({
      name: 'x',
      workflow_data: { nodes: [node('s', 'start')], edges: [] },
    });
    await expect(second.resumeWorkflow(instance.instance_id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(second.resumeWorkflow('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
