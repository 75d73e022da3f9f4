import { ExecutionEngine, MemoryStore, validateWorkflow, type WorkflowData } from '@flowloom/core';
import { measure } from './measure';
import { chain, createBenchRegistry, fanOut, noop } from './workflows';

const registry = createBenchRegistry();

/** The hand-written baseline: the same step function in a plain async loop, keeping outputs. */
async function baseline(steps: number): Promise<void> {
  const outputs: Record<string, unknown> = {};
  for (let i = 0; i < steps; i += 1) {
    const result = await noop();
    outputs[`n${i}`] = result.output_data;
  }
}

/**
 * A timed engine run of an instance whose plan is already built (as for every run after an
 * instance's first): what is timed is the per-step work — scheduling, parameter resolution,
 * the call, two events journaled in the MemoryStore and published.
 */
function engineRun(workflow: WorkflowData, concurrency: number) {
  return async () => {
    const engine = new ExecutionEngine({ registry, store: new MemoryStore(), concurrency });
    const { instance_id } = await engine.createInstance({ name: 'bench', workflow_data: workflow });
    await engine.executeWorkflow(instance_id);
    return async () => {
      const status = await engine.executeWorkflow(instance_id);
      if (status.status !== 'completed') throw new Error(`bench run ended ${status.status}`);
    };
  };
}

/** A timed first run: creating the instance (validation) and planning included. */
function firstRun(workflow: WorkflowData) {
  return async () => async () => {
    const engine = new ExecutionEngine({ registry, store: new MemoryStore() });
    const { instance_id } = await engine.createInstance({ name: 'bench', workflow_data: workflow });
    await engine.executeWorkflow(instance_id);
  };
}

interface Row {
  workload: string;
  steps: number;
  engineUs: number;
  baselineUs: number;
  firstRunUs: number;
  heapBytesPerStep: number;
}

const rows: Row[] = [];
async function addRow(
  workload: string,
  workflow: WorkflowData,
  concurrency: number,
): Promise<void> {
  const steps = workflow.nodes.length;
  const engine = await measure(engineRun(workflow, concurrency), steps);
  const base = await measure(async () => () => baseline(steps), steps);
  const first = await measure(firstRun(workflow), steps);
  rows.push({
    workload,
    steps,
    engineUs: engine.usPerStep,
    baselineUs: base.usPerStep,
    firstRunUs: first.usPerStep,
    heapBytesPerStep: engine.heapBytesPerStep,
  });
}

for (const steps of [10, 100, 1_000, 10_000]) await addRow(`chain ${steps}`, chain(steps), 8);
await addRow('fan-out 1000 → merge', fanOut(1_000), 8);

console.log(
  '\nExecutor: µs per step with events and the MemoryStore on, beside a hand-written async loop (same process)',
);
console.table(
  rows.map((row) => ({
    workload: row.workload,
    'engine µs/step': row.engineUs.toFixed(2),
    'baseline µs/step': row.baselineUs.toFixed(3),
    'ratio ×': (row.engineUs / row.baselineUs).toFixed(1),
    'first run µs/step': row.firstRunUs.toFixed(1),
    'heap B/step': Math.round(row.heapBytesPerStep),
  })),
);
const chains = rows.filter((row) => row.workload.startsWith('chain'));
for (let i = 1; i < chains.length; i += 1) {
  const [smaller, larger] = [chains[i - 1]!, chains[i]!];
  const growth = (larger.engineUs * larger.steps) / (smaller.engineUs * smaller.steps);
  console.log(
    `chain ${smaller.steps} → ${larger.steps}: total time ×${growth.toFixed(1)} (linear: ×10, target ≤ ×12)`,
  );
}

const validationOf = async (nodes: number) =>
  (
    await measure(async () => {
      const workflow = chain(nodes);
      return async () => {
        if (!validateWorkflow(workflow, registry).valid)
          throw new Error('bench workflow is invalid');
      };
    }, 1)
  ).usPerStep / 1000;
const [small, big] = [await validationOf(1_000), await validationOf(10_000)];
console.log(
  `\nvalidateWorkflow: 10,000 nodes in ${big.toFixed(1)} ms (target < 30 ms); 1,000 nodes in ${small.toFixed(2)} ms (×${(big / small).toFixed(1)} for 10× the nodes)`,
);
console.log(
  'Targets: ≤ 2 µs/step and ≤ 20× the baseline; cost linear in steps; heap per step flat.',
);
console.log('"first run" adds validating and planning the workflow, done once per instance.');
