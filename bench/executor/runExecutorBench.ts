import { runInFreshProcess } from './childProcess';
import { createAndExecute, createBenchEngine } from './engineTasks';
import { measureLoopLag } from './loopLag';
import { type ChainRow, measureWorkloads, type PerStepUs } from './measureChains';
import { measureSqliteJournal } from './sqliteJournal';
import { SAMPLE_MS, WARM_UP_MS, warmMedianMs } from './timing';
import { chain, fanOut } from './workflows';

const CHAIN_SIZES = [10, 100, 1_000, 10_000];
const f = (value: number, digits = 2) => value.toFixed(digits);

const rows: ChainRow[] = await measureWorkloads([
  ...CHAIN_SIZES.map((steps) => ({ workload: `chain ${steps}`, workflow: chain(steps) })),
  { workload: 'fan-out 1000 → join', workflow: fanOut(1_000) },
]);
const cold = new Map(
  CHAIN_SIZES.map((steps) => [
    steps,
    runInFreshProcess<{ usPerStep: number }>('./coldRun.ts', [String(steps)]).usPerStep,
  ]),
);

console.log(
  `\nExecutor, µs per step (MemoryStore, events on; warm medians after ${WARM_UP_MS} ms of warm-up, every workload timed in five turns taken in rotation; ratios against a hand-written DAG runner in this process)`,
);
console.table(
  rows.map((row) => ({
    workload: row.workload,
    'DAG runner': f(row.dagUs, 3),
    'create+execute': f(row.createExecuteUs),
    '×DAG': f(row.createExecuteUs / row.dagUs, 1),
    'saved wf create+execute': f(row.savedCreateExecuteUs),
    're-run': f(row.reRunUs),
    're-run ×DAG': f(row.reRunUs / row.dagUs, 1),
    'cold first run': cold.has(row.steps) ? f(cold.get(row.steps)!, 1) : '',
  })),
);
console.log(
  `\nThe same, µs per step over samples of consecutive runs at least ${SAMPLE_MS} ms long (the median of single runs leaves out the scavenges a 1,000-step run causes in about one run of a dozen; every 10,000-step run meets one, so only these compare across sizes)`,
);
console.table(
  rows.map(({ workload, sampled }) => ({
    workload,
    'DAG runner': f(sampled.dagUs, 3),
    'create+execute': f(sampled.createExecuteUs),
    'saved wf create+execute': f(sampled.savedCreateExecuteUs),
    're-run': f(sampled.reRunUs),
  })),
);
const byN = new Map(rows.map((row) => [row.workload, row]));
const [thousand, tenThousand] = [byN.get('chain 1000')!, byN.get('chain 10000')!];
const growth = (pick: (row: PerStepUs) => number) =>
  f(pick(tenThousand.sampled) / pick(thousand.sampled));
console.log(
  `per-step cost at 10,000 ÷ at 1,000, over samples: create+execute ×${growth((row) => row.createExecuteUs)}, re-run ×${growth((row) => row.reRunUs)} (goal ≤ ×1.3), the DAG runner ×${growth((row) => row.dagUs)}; medians of single runs: ×${f(tenThousand.createExecuteUs / thousand.createExecuteUs)}, ×${f(tenThousand.reRunUs / thousand.reRunUs)}`,
);

const memory = runInFreshProcess<{ retainedBytesPerStep: number; rssMb: number }>(
  './memoryRun.mjs',
  ['1000', '16'],
);
console.log(
  `\nMemory (fresh process without tsx, 16 × 1,000-step create+execute on one engine, nothing deleted): ${Math.round(memory.retainedBytesPerStep)} B kept per step (goal ≤ 600), RSS ${f(memory.rssMb, 0)} MB (goal ≤ 100)`,
);

// `--chains`: only the table and memory, for measuring one change after another.
if (process.argv.includes('--chains')) process.exit(0);

const lag = await measureLoopLag(100_000);
const noYield = await measureLoopLag(100_000, Number.POSITIVE_INFINITY);
console.log(
  `\n3 × 100,000-step runs beside a 1 ms timer: timer lag p99 ${f(lag.p99LagMs, 1)} ms, max ${f(lag.maxLagMs, 1)} ms over ${lag.samples} firings (goal p99 ≤ 30); ${f(lag.usPerStep)} µs/step against ${f(noYield.usPerStep)} without yielding (lag p99 ${f(noYield.p99LagMs, 0)} ms): ${f((lag.usPerStep / noYield.usPerStep - 1) * 100, 1)}% slower (goal ≤ 10%)`,
);

const mergeWorkflow = chain(4_500, 'merge');
const { engine: mergeEngine } = createBenchEngine();
const firstMerge = performance.now();
await createAndExecute(mergeEngine, mergeWorkflow).run();
const firstMergeMs = performance.now() - firstMerge;
const mergeMs = await warmMedianMs(createAndExecute(mergeEngine, mergeWorkflow));
console.log(
  `\n4,500-step merge chain (create+execute): first run ${f(firstMergeMs, 0)} ms, warm ${f(mergeMs, 1)} ms (goal: well under 1 s)`,
);

const perSecond = (value: number) => Math.round(value).toLocaleString('en');
for (const where of ['file', ':memory:'] as const) {
  const sqlite = await measureSqliteJournal(10_000, where);
  console.log(
    `SQLite-journaled 10,000-step chain, ${sqlite.where}: ${perSecond(sqlite.engineStepsPerSecond)} steps/s; the store alone writing the same transactions: ${perSecond(sqlite.storeStepsPerSecond)}/s (engine ×${f(sqlite.storeStepsPerSecond / sqlite.engineStepsPerSecond)} the store's time; goal ≥ 50,000 steps/s)`,
  );
}
console.log(
  '\nGoals: create+execute ≤ 5 µs/step at N = 10, ≤ 3 at 100–10,000; re-run ≤ 2 at N ≥ 100.',
);
