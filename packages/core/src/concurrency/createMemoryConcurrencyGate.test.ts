import { describe, expect, it } from 'vitest';
import { createMemoryConcurrencyGate } from './createMemoryConcurrencyGate';

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Acquires and records the order in which the runs were admitted. */
function tracker() {
  const admitted: string[] = [];
  return {
    admitted,
    track: (id: string, slot: Promise<() => Promise<void>>) =>
      slot.then((release) => {
        admitted.push(id);
        return release;
      }),
  };
}

describe('createMemoryConcurrencyGate', () => {
  it('admits runs of a tenant up to the limit at once and the next ones as slots free, in order', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 2 });
    const { admitted, track } = tracker();
    const keys = { tenant_id: 't1' };
    const slots = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => track(id, gate.acquire(keys, id)));
    await settle();
    expect(admitted).toEqual(['r1', 'r2']);
    expect(await gate.wouldWait(keys, 'r6')).toBe(true);
    await (await slots[1]!)();
    await settle();
    expect(admitted).toEqual(['r1', 'r2', 'r3']);
    await (await slots[0]!)();
    await (await slots[2]!)();
    await settle();
    expect(admitted).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('counts tenants and workflows apart and leaves keys without a limit alone', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerWorkflow: 1 });
    await gate.acquire({ tenant_id: 't1', workflow_id: 'w1' }, 'a');
    expect(await gate.wouldWait({ tenant_id: 't1', workflow_id: 'w2' }, 'b')).toBe(false);
    expect(await gate.wouldWait({ tenant_id: 't2', workflow_id: 'w1' }, 'c')).toBe(true);
    expect(await gate.wouldWait({ tenant_id: 't1' }, 'd')).toBe(false);
    expect(await gate.wouldWait({}, 'e')).toBe(false);
  });

  it('admits a run that needs two keys only when both have a slot and it is first in line for each', async () => {
    const gate = createMemoryConcurrencyGate({
      maxConcurrentRunsPerTenant: 1,
      maxConcurrentRunsPerWorkflow: 1,
    });
    const { admitted, track } = tracker();
    const holdTenant = await gate.acquire({ tenant_id: 't1' }, 'a');
    const holdWorkflow = await gate.acquire({ workflow_id: 'w1' }, 'b');
    const both = track('both', gate.acquire({ tenant_id: 't1', workflow_id: 'w1' }, 'both'));
    // Behind `both` in the workflow's line, though the tenant t2 is free.
    const later = track('later', gate.acquire({ tenant_id: 't2', workflow_id: 'w1' }, 'later'));
    await holdTenant();
    await settle();
    expect(admitted).toEqual([]);
    await holdWorkflow();
    await settle();
    expect(admitted).toEqual(['both']);
    await (await both)();
    await settle();
    expect(admitted).toEqual(['both', 'later']);
    await (await later)();
    expect(await gate.wouldWait({ tenant_id: 't1', workflow_id: 'w1' }, 'x')).toBe(false);
  });

  it('keeps a place in line: a new run waits behind waiting ones even when a slot is free for a moment', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 1 });
    const { admitted, track } = tracker();
    const first = await gate.acquire({ tenant_id: 't1' }, 'a');
    const waiting = track('b', gate.acquire({ tenant_id: 't1' }, 'b'));
    await first();
    // `b` was admitted in the same turn the slot freed: `c` can't take it.
    expect(await gate.wouldWait({ tenant_id: 't1' }, 'c')).toBe(true);
    await (await waiting)();
    expect(admitted).toEqual(['b']);
  });

  it('abandons a wait when its signal aborts, and lets the run behind it go', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 1 });
    const { admitted, track } = tracker();
    const holder = await gate.acquire({ tenant_id: 't1' }, 'a');
    const controller = new AbortController();
    const abandoned = gate.acquire({ tenant_id: 't1' }, 'b', controller.signal);
    const next = track('c', gate.acquire({ tenant_id: 't1' }, 'c'));
    controller.abort(new Error('stopped'));
    await expect(abandoned).rejects.toThrow('stopped');
    await holder();
    await settle();
    expect(admitted).toEqual(['c']);
    await (await next)();
    expect(await gate.wouldWait({ tenant_id: 't1' }, 'd')).toBe(false);
  });

  it('refuses at once with a signal already aborted', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 1 });
    await expect(
      gate.acquire({ tenant_id: 't1' }, 'a', AbortSignal.abort(new Error('gone'))),
    ).rejects.toThrow('gone');
    expect(await gate.wouldWait({ tenant_id: 't1' }, 'b')).toBe(false);
  });

  it('frees a slot once however often its release is called', async () => {
    const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 2 });
    const a = await gate.acquire({ tenant_id: 't1' }, 'a');
    await gate.acquire({ tenant_id: 't1' }, 'b');
    await a();
    await a();
    await gate.acquire({ tenant_id: 't1' }, 'c');
    expect(await gate.wouldWait({ tenant_id: 't1' }, 'd')).toBe(true);
  });
});
