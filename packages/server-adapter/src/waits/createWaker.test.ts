import { ExecutionEngine, MemoryStore } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBuiltinRegistry } from '../http/testServer.test-helpers';
import { createWaker } from './createWaker';

afterEach(() => {
  vi.useRealTimers();
});

/** An engine on a moved clock with one run waiting an hour; the run's id. */
async function oneWaitingRun() {
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const store = new MemoryStore();
  const engine = new ExecutionEngine({ registry: createBuiltinRegistry(), store, now: () => now });
  const instance = await engine.createInstance({
    name: 'Wait',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'wait', type: 'wait', data: { parameters: { amount: 1, unit: 'hours' } } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'wait' }],
    },
  });
  expect((await engine.executeWorkflow(instance.instance_id)).status).toBe('waiting');
  const advance = (ms: number) => {
    now += ms;
  };
  return { engine, store, id: instance.instance_id, advance };
}

describe('createWaker', () => {
  it('wakes nothing before the wake time, and the run once it has come', async () => {
    const { engine, store, id, advance } = await oneWaitingRun();
    const waker = createWaker({ engine, store, logger: { warn: vi.fn() } });
    expect(await waker.wakeDue()).toBe(0);
    advance(3_600_000);
    expect(await waker.wakeDue()).toBe(1);
    await vi.waitFor(async () => expect((await store.getInstance(id))?.status).toBe('completed'));
  });

  it('polls on its interval and stops polling once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { engine, store } = await oneWaitingRun();
    const passes = vi.spyOn(store, 'listDueWaits');
    const waker = createWaker({ engine, store, logger: { warn: vi.fn() }, intervalMs: 1_000 });
    waker.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(passes).toHaveBeenCalledTimes(4);
    await waker.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(passes).toHaveBeenCalledTimes(4);
  });

  it('skips, without a warning, a run a resume or another pass woke first', async () => {
    const { engine, store, id, advance } = await oneWaitingRun();
    advance(3_600_000);
    const logger = { warn: vi.fn() };
    const waker = createWaker({ engine, store, logger });
    const first = engine.wakeWorkflow(id);
    expect(await waker.wakeDue()).toBe(0);
    await (await first).done;
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
