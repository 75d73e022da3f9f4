import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../store/MemoryStore';
import { chain, createControlFlowKit, node } from './controlFlowKit.test-helpers';

afterEach(() => {
  vi.useRealTimers();
});

// A process "crashes" by being abandoned mid-run: its engine is never closed and its steps
// never return. A second engine on the same store then resumes the runs.

describe('a sub_workflow step resumed after a crash', () => {
  it('follows the child it started instead of starting a second one', async () => {
    const store = new MemoryStore();
    const first = createControlFlowKit({ store });
    const childId = await first.save('Slow', chain(node('hold', 'hold')));
    const { id } = await first.start(chain(node('sub', 'sub_workflow', { workflow_id: childId })));
    await expect
      .poll(async () => (await store.listInstanceSummaries({ parent_instance_id: id })).total)
      .toBe(1);
    const child = (await store.listInstanceSummaries({ parent_instance_id: id })).instances[0]!;
    await expect.poll(() => first.engine.isRunning(child.instance_id)).toBe(true);

    const next = createControlFlowKit({ store });
    const parent = await next.engine.resumeWorkflow(id);
    await next.engine.resumeWorkflow(child.instance_id);
    // The child's held step ran again here: release it (polling: it may not have started yet).
    await vi.waitFor(() => {
      next.release();
      expect(next.engine.isRunning(child.instance_id)).toBe(false);
    });
    expect((await parent.done).status).toBe('completed');
    expect((await store.listInstanceSummaries({ parent_instance_id: id })).total).toBe(1);
  });
});

describe('a delay step resumed after a restart', () => {
  it('waits only the time left, counted from its start in the journal', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = new MemoryStore();
    const first = createControlFlowKit({ store });
    const { id } = await first.start(chain(node('pause', 'delay', { ms: 60_000 })));
    await vi.advanceTimersByTimeAsync(50_000);
    expect((await first.engine.getStatus(id)).steps.pause?.status).toBe('running');

    // The first process is gone; the next resumes the run 50 s into the minute.
    const next = createControlFlowKit({ store });
    const { done } = await next.engine.resumeWorkflow(id);
    let status: string | undefined;
    void done.then((end) => {
      status = end.status;
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(status).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status).toBe('completed');
  });
});
