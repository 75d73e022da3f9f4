import type { WorkflowData } from '@flowloom/core';
import { createDagRunner } from './dagBaseline';
import { createAndExecute, createBenchEngine, createSavedAndExecute, reRun } from './engineTasks';
import { interleavedMediansMs, type TaskTimes, type TimedTask } from './timing';
import { noop } from './workflows';

/** µs per step of the four ways a workload is run. */
export interface PerStepUs {
  /** The hand-written DAG runner over the same steps. */
  dagUs: number;
  /** `createInstance` from the document + `executeWorkflow`, shared engine. */
  createExecuteUs: number;
  /** The same from a saved workflow (its plan cached per version). */
  savedCreateExecuteUs: number;
  /** `executeWorkflow` again on an instance that ran once. */
  reRunUs: number;
}

/** µs per step of one workload, warm, measured in one process: medians of single runs. */
export interface ChainRow extends PerStepUs {
  workload: string;
  steps: number;
  /**
   * The same, over samples of consecutive runs at least `SAMPLE_MS` long (each size pays its
   * own garbage collection: see `TaskTimes.sampleMs`).
   */
  sampled: PerStepUs;
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
  const times = await interleavedMediansMs(tasks);
  return workloads.map(({ workload, workflow }, at) => {
    const steps = workflow.nodes.length;
    const [dag, createExecute, savedCreateExecute, reRunTimes] = times.slice(at * 4, at * 4 + 4);
    const perStep = (pick: (task: TaskTimes) => number): PerStepUs => ({
      dagUs: (pick(dag!) * 1000) / steps,
      createExecuteUs: (pick(createExecute!) * 1000) / steps,
      savedCreateExecuteUs: (pick(savedCreateExecute!) * 1000) / steps,
      reRunUs: (pick(reRunTimes!) * 1000) / steps,
    });
    return {
      workload,
      steps,
      ...perStep((task) => task.runMs),
      sampled: perStep((task) => task.sampleMs),
    };
  });
}
