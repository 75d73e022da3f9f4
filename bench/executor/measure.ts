/** A measurement: the best time per unit over several runs, and heap growth per unit. */
export interface Measurement {
  usPerStep: number;
  heapBytesPerStep: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `task` until about 300 ms have passed (at least 5 times, after 2 warm-ups) and keeps the
 * fastest run, the usual way to read a cost through GC and JIT noise.
 */
export async function measure(task: () => Promise<void>, units: number): Promise<Measurement> {
  await task();
  await task();
  let best = Number.POSITIVE_INFINITY;
  let heapBest = Number.POSITIVE_INFINITY;
  const deadline = performance.now() + 300;
  for (let run = 0; run < 5 || performance.now() < deadline; run += 1) {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    await task();
    const elapsed = performance.now() - start;
    const heapAfter = process.memoryUsage().heapUsed;
    best = Math.min(best, elapsed);
    heapBest = Math.min(heapBest, Math.max(0, heapAfter - heapBefore));
    if (run > 200) break;
  }
  return { usPerStep: (best * 1000) / units, heapBytesPerStep: heapBest / units };
}
