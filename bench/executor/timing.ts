/** How long each workload is warmed up before it is timed, and timed for. */
export const WARM_UP_MS = 1_500;
const TIMED_MS = 1_000;
const MIN_RUNS = 7;

/** One timed run: `prepare` and `cleanUp` are not timed. */
export interface TimedTask {
  prepare?: () => Promise<void>;
  run: () => Promise<unknown>;
  cleanUp?: () => Promise<void>;
}

/**
 * The median time of a task, warm: it runs untimed for {@link WARM_UP_MS} first (long enough for
 * V8 to optimise the engine's hot functions), then is timed run by run until about a second of
 * runs (at least seven, unless told fewer for runs that take seconds) was measured. No forced GC inside or around the timed window: a `gc()`
 * before each run deoptimises the engine and makes the large runs meaningless; what runs keep is
 * measured in a pass of its own.
 *
 * @returns milliseconds per run.
 */
export async function warmMedianMs(
  task: TimedTask,
  { minRuns = MIN_RUNS, warmUpRuns = 3 }: { minRuns?: number; warmUpRuns?: number } = {},
): Promise<number> {
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let runs = 0; runs < warmUpRuns || performance.now() < warmUntil; runs += 1) {
    await once(task);
  }
  const times: number[] = [];
  let timed = 0;
  while (times.length < minRuns || timed < TIMED_MS) {
    const elapsed = await once(task);
    times.push(elapsed);
    timed += elapsed;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** How many turns {@link interleavedMediansMs} gives each task. */
const ROUNDS = 5;

/**
 * The median time of each of several tasks, warm, measured in turns: every task is warmed up
 * as {@link warmMedianMs} does, then each is timed for a fifth of its second in turn, five
 * times over. Whatever else the machine does meanwhile (a neighbour's build, a burst of disk)
 * then weighs on every task alike, so the ratios between them (10,000 steps against 1,000)
 * hold where measuring one task after another would charge a noisy moment to one of them.
 *
 * @returns milliseconds per run, in the order of `tasks`.
 */
export async function interleavedMediansMs(tasks: readonly TimedTask[]): Promise<number[]> {
  for (const task of tasks) {
    const warmUntil = performance.now() + WARM_UP_MS;
    for (let runs = 0; runs < 3 || performance.now() < warmUntil; runs += 1) await once(task);
  }
  const times = tasks.map((): number[] => []);
  const minRunsPerTurn = Math.ceil(MIN_RUNS / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [at, task] of tasks.entries()) {
      let timed = 0;
      for (let runs = 0; runs < minRunsPerTurn || timed < TIMED_MS / ROUNDS; runs += 1) {
        const elapsed = await once(task);
        times[at]!.push(elapsed);
        timed += elapsed;
      }
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)]!;
  });
}

async function once(task: TimedTask): Promise<number> {
  await task.prepare?.();
  const start = performance.now();
  await task.run();
  const elapsed = performance.now() - start;
  await task.cleanUp?.();
  return elapsed;
}
