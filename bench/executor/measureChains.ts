import type { WorkflowData } from '@flowloom/core';
import { createDagRunner } from './dagBaseline';
import { createAndExecute, createBenchEngine, createSavedAndExecute, reRun } from './engineTasks';
import { interleavedMediansMs, type TimedTask } from './timing';
import { noop } from './workflows';

/** µs per step of one workload, warm medians, measured in one process. */
export interface ChainRow {
  workload: string;
  steps: number;
  /** The hand-written DAG runner over the same steps. */
  dagUs: number;
  /** `createInstance` from the document + `executeWorkflow`, shared engine. */
  createExecuteUs: number;
  /** The same from a saved workflow (its plan cached per version). */
  savedCreateExecuteUs: number;
  /** `executeWorkflow` again on an instance that ran once. */
  reRunUs: number;
}

/**
 * Measures every workload every way the bench reports it (one shared engine per workload), all
 * in turns (see {@link interleavedMediansMs}), so the rows compare with each other.
 */
export async function measureWorkloads(
  workloads: ReadonlyArray<{ workload: string; workflow: WorkflowData }>,
): Promise<ChainRow[]> {
  const tasks: TimedTask[] = [];
  for (const { workflow } of workloads) {
    const { engine } = createBenchEngine();
    tasks.push(
      { run: createDagRunner(workflow, noop) },
      createAndExecute(engine, workflow),
      await createSavedAndExecute(engine, workflow),
      reRun(engine, workflow),
    );
  }
  const medians = await interleavedMediansMs(tasks);
  return workloads.map(({ workload, workflow }, at) => {
    const steps = workflow.nodes.length;
    const [dag, createExecute, savedCreateExecute, reRunMs] = medians
      .slice(at * 4, at * 4 + 4)
      .map((ms) => (ms * 1000) / steps);
    return {
      workload,
      steps,
      dagUs: dag!,
      createExecuteUs: createExecute!,
      savedCreateExecuteUs: savedCreateExecute!,
      reRunUs: reRunMs!,
    };
  });
}
