import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestEngine, edge, node } from './engineTestKit.test-helpers';

/** A trigger and `steps - 1` steps in a line. */
function chain(steps: number) {
  const nodes = [node('s0', 'start')];
  const edges = [];
  for (let at = 1; at < steps; at += 1) {
    nodes.push(node(`s${at}`, 'step'));
    edges.push(edge(`s${at - 1}`, `s${at}`));
  }
  return { nodes, edges };
}

/** A clock that moves `msPerRead` each time it is read: every step seems to take a while. */
function slowClock(msPerRead: number): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    now += msPerRead;
    return now;
  });
}

/** Runs a 100-step chain and counts the steps done when a macrotask queued at its start ran. */
async function stepsDoneWhenAMacrotaskRan(options: { yieldAfterMs?: number } = {}) {
  const { engine, events } = createTestEngine(options);
  const { instance_id } = await engine.createInstance({ name: 'long', workflow_data: chain(100) });
  const completed = () => events.filter((event) => event.event_type === 'step_completed').length;
  let seen: number | undefined;
  setImmediate(() => {
    seen = completed();
  });
  const status = await engine.executeWorkflow(instance_id);
  expect(status.status).toBe('completed');
  await new Promise((resolve) => setImmediate(resolve));
  return { seen, total: completed() };
}

describe('a long run', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets a macrotask in once it has held the event loop for 20 ms', async () => {
    slowClock(5);
    const { seen, total } = await stepsDoneWhenAMacrotaskRan();
    expect(total).toBe(100);
    // The run yielded within its first few steps (each reads the clock about twice).
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(10);
  });

  it('yields again and again, never holding the loop past its slice', async () => {
    slowClock(5);
    const { engine, events } = createTestEngine();
    const { instance_id } = await engine.createInstance({
      name: 'long',
      workflow_data: chain(100),
    });
    let macrotasks = 0;
    let ticking = true;
    const tick = () => {
      macrotasks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await engine.executeWorkflow(instance_id);
    ticking = false;
    expect(events.filter((event) => event.event_type === 'step_completed')).toHaveLength(100);
    // 100 steps of about 10 fake ms each, in slices of 20 ms: dozens of turns for the timer.
    expect(macrotasks).toBeGreaterThan(20);
  });

  it('never yields with yieldAfterMs: Infinity', async () => {
    slowClock(5);
    const { seen } = await stepsDoneWhenAMacrotaskRan({ yieldAfterMs: Number.POSITIVE_INFINITY });
    expect(seen).toBe(100);
  });
});
