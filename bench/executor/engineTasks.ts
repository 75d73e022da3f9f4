import { ExecutionEngine, MemoryStore, type WorkflowData } from '@flowloom/core';
import type { TimedTask } from './timing';
import { BENCH_LIMITS, createBenchRegistry } from './workflows';

/** An engine as the bench runs it: MemoryStore, events published to a listener. */
export function createBenchEngine(options: { yieldAfterMs?: number } = {}): {
  engine: ExecutionEngine;
  events: () => number;
} {
  const engine = new ExecutionEngine({
    registry: createBenchRegistry(),
    store: new MemoryStore(),
    limits: BENCH_LIMITS,
    ...options,
  });
  let count = 0;
  // Events on: a listener receives every event, as a server's WebSocket hub does.
  engine.on('event', () => {
    count += 1;
  });
  return { engine, events: () => count };
}

async function expectCompleted(engine: ExecutionEngine, instanceId: string): Promise<void> {
  const status = await engine.executeWorkflow(instanceId);
  if (status.status !== 'completed') {
    throw new Error(`bench run ended ${status.status}: ${JSON.stringify(status.error)}`);
  }
}

/**
 * `createInstance` from the document + `executeWorkflow`, on one shared engine. Each finished
 * instance is deleted outside the timed window, so the heap does not grow run after run.
 */
export function createAndExecute(engine: ExecutionEngine, workflow: WorkflowData): TimedTask {
  let instanceId = '';
  return {
    run: async () => {
      ({ instance_id: instanceId } = await engine.createInstance({
        name: 'bench',
        workflow_data: workflow,
      }));
      await expectCompleted(engine, instanceId);
    },
    cleanUp: async () => {
      await engine.store.deleteInstance(instanceId);
    },
  };
}

/** The same from a saved workflow (`createInstance({ workflow_id })`): its plan is cached. */
export async function createSavedAndExecute(
  engine: ExecutionEngine,
  workflow: WorkflowData,
): Promise<TimedTask> {
  const saved = await engine.store.saveWorkflow({ name: 'bench', workflow_data: workflow });
  let instanceId = '';
  return {
    run: async () => {
      ({ instance_id: instanceId } = await engine.createInstance({
        name: 'bench',
        workflow_id: saved.workflow_id,
      }));
      await expectCompleted(engine, instanceId);
    },
    cleanUp: async () => {
      await engine.store.deleteInstance(instanceId);
    },
  };
}

/** Running again an instance that already ran once (its plan is built): only the run is timed. */
export function reRun(engine: ExecutionEngine, workflow: WorkflowData): TimedTask {
  let instanceId = '';
  return {
    prepare: async () => {
      ({ instance_id: instanceId } = await engine.createInstance({
        name: 'bench',
        workflow_data: workflow,
      }));
      await expectCompleted(engine, instanceId);
    },
    run: () => expectCompleted(engine, instanceId),
    cleanUp: async () => {
      await engine.store.deleteInstance(instanceId);
    },
  };
}
