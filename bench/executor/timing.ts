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
  return median(times);
}

/** How many turns {@link interleavedMediansMs} gives each task. */
const ROUNDS = 5;

/**
 * The shortest stretch of consecutive runs one sample of {@link TaskTimes.sampleMs} covers:
 * longer than the time between two scavenges of V8's young generation at the engine's rate of
 * allocation (some 15 ms here), so every sample pays for the collections its runs cause.
 */
export const SAMPLE_MS = 25;

/** What {@link interleavedMediansMs} measured of one task, in milliseconds per run. */
export interface TaskTimes {
  /** The median of single runs. */
  runMs: number;
  /**
   * The median, over samples of consecutive runs at least {@link SAMPLE_MS} long, of a run's
   * mean time in its sample. A 1,000-step run takes about 1 ms and one in a dozen meets a
   * scavenge, which the median of single runs then leaves out; every 10,000-step run meets one.
   * Samples of equal length charge each size its own collections, so per-step costs of
   * different sizes compare.
   */
  sampleMs: number;
}

/**
 * The time of each of several tasks, warm, measured in turns: every task is warmed up as
 * {@link warmMedianMs} does, then each is timed for a fifth of its second in turn, five times
 * over (each turn ending with a whole sample). Whatever else the machine does meanwhile (a
 * neighbour's build, a burst of disk) then weighs on every task alike, so the ratios between
 * them (10,000 steps against 1,000) hold where measuring one task after another would charge a
 * noisy moment to one of them.
 *
 * @returns the times of `tasks`, in their order.
 */
export async function interleavedMediansMs(tasks: readonly TimedTask[]): Promise<TaskTimes[]> {
  for (const task of tasks) {
    const warmUntil = performance.now() + WARM_UP_MS;
    for (let runs = 0; runs < 3 || performance.now() < warmUntil; runs += 1) await once(task);
  }
  const runs = tasks.map((): number[] => []);
  const samples = tasks.map((): number[] => []);
  const minRunsPerTurn = Math.ceil(MIN_RUNS / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [at, task] of tasks.entries()) {
      let [turnRuns, timed, sampled, sampleRuns] = [0, 0, 0, 0];
      while (sampleRuns > 0 || turnRuns < minRunsPerTurn || timed < TIMED_MS / ROUNDS) {
        const elapsed = await once(task);
        turnRuns += 1;
        runs[at]!.push(elapsed);
        timed += elapsed;
        sampled += elapsed;
        sampleRuns += 1;
        if (sampled >= SAMPLE_MS) {
          samples[at]!.push(sampled / sampleRuns);
          [sampled, sampleRuns] = [0, 0];
        }
      }
    }
  }
  return tasks.map((_, at) => ({ runMs: median(runs[at]!), sampleMs: median(samples[at]!) }));
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

async function once(task: TimedTask): Promise<number> {
  await task.prepare?.();
  const start = performance.now();
  await task.run();
  const elapsed = performance.now() - start;
  await task.cleanUp?.();
  return elapsed;
}
