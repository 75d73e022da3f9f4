import { percentile } from '../server/percentile';
import { createBenchEngine } from './engineTasks';
import { chain } from './workflows';

/** What a concurrent timer saw during long runs, and what the runs cost. */
export interface LoopLag {
  steps: number;
  /** The runs' time per step, each followed by one turn of the event loop (see below). */
  usPerStep: number;
  /** How late a 1 ms timer fired during the runs, in ms. */
  p99LagMs: number;
  maxLagMs: number;
  /** Timer firings measured. */
  samples: number;
}

const RUNS = 3;

/**
 * `RUNS` runs of a `steps`-step chain while a 1 ms timer keeps re-arming itself: how late the
 * timer fires is how long a run holds the event loop at a time. Only `executeWorkflow` is
 * watched (a document this size takes a while to validate when the instance is created, and what
 * that allocated is collected before the run starts). Each
 * run's time includes one event-loop turn after it, so the garbage-collection tasks V8 queued
 * during a run that never yields are counted too, not left to the next run.
 */
export async function measureLoopLag(steps: number, yieldAfterMs?: number): Promise<LoopLag> {
  const { engine } = createBenchEngine(yieldAfterMs === undefined ? {} : { yieldAfterMs });
  const workflow = chain(steps);
  const lags: number[] = [];
  let elapsed = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const { instance_id } = await engine.createInstance({ name: 'lag', workflow_data: workflow });
    // The creation's garbage (and the previous run's) is collected before the run is watched,
    // not during it: outside the watched window (`--expose-gc` is set by the bench script).
    (globalThis as { gc?: () => void }).gc?.();
    let ticking = true;
    let expected = performance.now() + 1;
    let stopped: () => void = () => {};
    const lastTick = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    const tick = () => {
      const now = performance.now();
      lags.push(Math.max(0, now - expected));
      if (!ticking) {
        stopped();
        return;
      }
      expected = now + 1;
      setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
    const start = performance.now();
    const status = await engine.executeWorkflow(instance_id);
    await new Promise((resolve) => setImmediate(resolve));
    elapsed += performance.now() - start;
    ticking = false;
    // The tick pending now is the one that waited out the run's last stretch: it counts too.
    await lastTick;
    if (status.status !== 'completed') throw new Error(`lag run ended ${status.status}`);
    await engine.store.deleteInstance(instance_id);
  }
  lags.sort((a, b) => a - b);
  return {
    steps,
    usPerStep: (elapsed * 1000) / (RUNS * steps),
    p99LagMs: percentile(lags, 0.99),
    maxLagMs: lags[lags.length - 1] ?? 0,
    samples: lags.length,
  };
}
