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

describe('createWaker under load', () => {
  const NOW = Date.parse('2026-03-01T12:00:00.000Z');

  /** A store with waiting runs due (earliest first in the given order) and an engine on a clock. */
  async function dueRuns(ids: readonly string[]) {
    const store = new MemoryStore();
    const engine = new ExecutionEngine({
      registry: createBuiltinRegistry(),
      store,
      now: () => NOW,
    });
    for (const [at, id] of ids.entries()) {
      const instance = await engine.createInstance({
        name: id,
        workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
      });
      await store.createInstance({ ...instance, instance_id: id, root_instance_id: id });
      await store.markWaiting(id, new Date(NOW - 60_000 + at).toISOString());
    }
    return { store, engine };
  }

  it('wakes the other due runs while one wake hangs (no head-of-line blocking)', async () => {
    const { store, engine } = await dueRuns(['slow', 'a', 'b']);
    const woken: string[] = [];
    let releaseSlow!: () => void;
    const runner = {
      wake: (id: string) => {
        woken.push(id);
        if (id !== 'slow') return Promise.resolve({} as never);
        return new Promise<never>((resolve) => {
          releaseSlow = () => resolve({} as never);
        });
      },
    };
    const waker = createWaker({ engine, store, runner, logger: { warn: vi.fn() } });
    waker.start();
    await vi.waitFor(() => expect(woken).toEqual(['slow', 'a', 'b']));
    releaseSlow();
    await waker.stop();
  });

  it('pauses a run whose wake keeps failing instead of trying it on every pass', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { store, engine } = await dueRuns(['bad', 'good']);
    const tries: string[] = [];
    const runner = {
      wake: async (id: string) => {
        tries.push(id);
        if (id === 'bad') throw new Error('its workflow no longer loads');
        await store.updateInstance(id, { status: 'running' });
        return {} as never;
      },
    };
    const logger = { warn: vi.fn() };
    const waker = createWaker({ engine, store, runner, logger });
    expect(await waker.wakeDue()).toBe(1);
    expect(tries).toEqual(['bad', 'good']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    // Within its pause the failing run is left alone; a run due meanwhile still wakes.
    await store.updateInstance('good', { status: 'running' });
    await store.markWaiting('good', new Date(NOW).toISOString());
    expect(await waker.wakeDue()).toBe(1);
    expect(tries).toEqual(['bad', 'good', 'good']);
    vi.setSystemTime(NOW + 1_000);
    await waker.wakeDue();
    expect(tries).toEqual(['bad', 'good', 'good', 'bad']);
    expect(logger.warn).toHaveBeenLastCalledWith(expect.stringContaining('next try in 2000 ms'));
  });
});
