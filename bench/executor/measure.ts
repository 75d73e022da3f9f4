/** A measurement: the best time per unit over several runs, and heap growth per unit. */
export interface Measurement {
  usPerStep: number;
  heapBytesPerStep: number;
}

/** Makes one timed task; whatever it does before returning the task is not timed. */
export type TaskFactory = () => Promise<() => Promise<unknown>>;

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times fresh tasks from `prepare` until about 400 ms of work has been timed (at least 5 runs,
 * after 2 warm-ups) and keeps the fastest, the usual way to read a cost through GC and JIT noise.
 * Heap growth is what a run leaves reachable (read after a full GC; `--expose-gc` is set by the
 * bench script): the median over the runs.
 */
export async function measure(prepare: TaskFactory, units: number): Promise<Measurement> {
  for (let warmUp = 0; warmUp < 2; warmUp += 1) await (await prepare())();
  let best = Number.POSITIVE_INFINITY;
  const heapGrowth: number[] = [];
  // Holds the latest task until its heap was read, so what its run stored is still reachable.
  const retained: unknown[] = [];
  let timed = 0;
  for (let run = 0; (run < 5 || timed < 400) && run < 200; run += 1) {
    const task = await prepare();
    retained[0] = task;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    await task();
    const elapsed = performance.now() - start;
    gc?.();
    // After a full GC what remains is what the run keeps: its stored events, outputs and state.
    const heapAfter = process.memoryUsage().heapUsed;
    timed += elapsed;
    best = Math.min(best, elapsed);
    heapGrowth.push(heapAfter - heapBefore);
  }
  retained.length = 0;
  heapGrowth.sort((a, b) => a - b);
  const medianGrowth = heapGrowth[Math.floor(heapGrowth.length / 2)]!;
  return { usPerStep: (best * 1000) / units, heapBytesPerStep: Math.max(0, medianGrowth) / units };
}
