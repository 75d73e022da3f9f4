import type { WorkflowData } from '@flowloom/core';
import { createDagRunner } from './dagBaseline';
import { createAndExecute, createBenchEngine, createSavedAndExecute, reRun } from './engineTasks';
import { warmMedianMs } from './timing';
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

/** Measures one workload every way the bench reports it, on one shared engine. */
export async function measureWorkload(workload: string, workflow: WorkflowData): Promise<ChainRow> {
  const steps = workflow.nodes.length;
  const perStep = (ms: number) => (ms * 1000) / steps;
  const { engine } = createBenchEngine();
  const dag = createDagRunner(workflow, noop);
  return {
    workload,
    steps,
    dagUs: perStep(await warmMedianMs({ run: dag })),
    createExecuteUs: perStep(await warmMedianMs(createAndExecute(engine, workflow))),
    savedCreateExecuteUs: perStep(
      await warmMedianMs(await createSavedAndExecute(engine, workflow)),
    ),
    reRunUs: perStep(await warmMedianMs(reRun(engine, workflow))),
  };
}
