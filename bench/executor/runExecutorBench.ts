import { ExecutionEngine, MemoryStore, validateWorkflow, type WorkflowData } from '@flowloom/core';
import { measure } from './measure';
import { chain, createBenchRegistry, fanOut, noop } from './workflows';

const registry = createBenchRegistry();

/** The hand-written baseline: the same step functions in a plain async loop. */
async function baseline(steps: number): Promise<void> {
  const outputs: Record<string, unknown> = {};
  for (let i = 0; i < steps; i += 1) {
    const result = await noop();
    outputs[`n${i}`] = result.output_data;
  }
}

async function engineRun(workflow: WorkflowData, concurrency: number): Promise<void> {
  const engine = new ExecutionEngine({ registry, store: new MemoryStore(), concurrency });
  const instance = await engine.createInstance({ name: 'bench', workflow_data: workflow });
  const status = await engine.executeWorkflow(instance.instance_id);
  if (status.status !== 'completed') throw new Error(`bench run ended ${status.status}`);
}

interface Row {
  workload: string;
  steps: number;
  engineUs: number;
  baselineUs: number;
  heapBytesPerStep: number;
}

const rows: Row[] = [];
for (const steps of [10, 100, 1_000, 10_000]) {
  const workflow = chain(steps);
  const engine = await measure(() => engineRun(workflow, 8), steps);
  const base = await measure(() => baseline(steps), steps);
  rows.push({
    workload: `chain ${steps}`,
    steps,
    engineUs: engine.usPerStep,
    baselineUs: base.usPerStep,
    heapBytesPerStep: engine.heapBytesPerStep,
  });
}
{
  const width = 1_000;
  const workflow = fanOut(width);
  const steps = width + 2;
  const engine = await measure(() => engineRun(workflow, 64), steps);
  const base = await measure(() => baseline(steps), steps);
  rows.push({
    workload: `fan-out ${width} → merge`,
    steps,
    engineUs: engine.usPerStep,
    baselineUs: base.usPerStep,
    heapBytesPerStep: engine.heapBytesPerStep,
  });
}

console.log(
  '\nExecutor: microseconds per step (events + MemoryStore on) vs a hand-written async loop',
);
console.table(
  rows.map((row) => ({
    workload: row.workload,
    'engine µs/step': row.engineUs.toFixed(2),
    'baseline µs/step': row.baselineUs.toFixed(3),
    'ratio (×)': (row.engineUs / row.baselineUs).toFixed(1),
    'heap B/step': Math.round(row.heapBytesPerStep),
  })),
);
const chainRows = rows.filter((row) => row.workload.startsWith('chain'));
for (let i = 1; i < chainRows.length; i += 1) {
  const growth =
    (chainRows[i]!.engineUs * chainRows[i]!.steps) /
    (chainRows[i - 1]!.engineUs * chainRows[i - 1]!.steps);
  console.log(
    `cost ${chainRows[i - 1]!.steps} → ${chainRows[i]!.steps} steps: ×${growth.toFixed(1)} (linear is ×10)`,
  );
}

const big = chain(10_000);
const validation = await measure(async () => {
  const result = validateWorkflow(big, registry);
  if (!result.valid) throw new Error('bench workflow is invalid');
}, 1);
const small = chain(1_000);
const smallValidation = await measure(async () => {
  validateWorkflow(small, registry);
}, 1);
console.log(
  `\nvalidateWorkflow: 10,000 nodes in ${(validation.usPerStep / 1000).toFixed(1)} ms (target < 30 ms); 1,000 nodes in ${(smallValidation.usPerStep / 1000).toFixed(2)} ms (×${(validation.usPerStep / smallValidation.usPerStep).toFixed(1)} for 10× the nodes)`,
);
console.log('Targets: ≤ 2 µs/step, ≤ 20× the baseline, linear cost, flat memory per step.');
