import type { ExecutionEngine } from '../executor/ExecutionEngine';
import type { WorkflowRunner } from './WorkflowRunner';

/**
 * The default runner: runs execute in this process, on `engine`, and live events come from its
 * emitter. What `createWorkflowServer` uses unless it is given another runner.
 *
 * @example
 * const runner = createInProcessRunner(new ExecutionEngine({ store }));
 * const { done } = await runner.start(instanceId, { who: 'world' });
 */
export function createInProcessRunner(engine: ExecutionEngine): WorkflowRunner {
  return {
    start: (instanceId, input_data, options) =>
      engine.startWorkflow(instanceId, input_data, options),
    retry: (instanceId) => engine.retryWorkflow(instanceId),
    resume: (instanceId) => engine.resumeWorkflow(instanceId),
    wake: (instanceId) => engine.wakeWorkflow(instanceId),
    resumeWait: (instanceId, stepId, data) => engine.resumeWait(instanceId, stepId, data),
    trigger: (workflowId, stepId, runInput) => engine.trigger(workflowId, stepId, runInput),
    stop: (instanceId, reason, options) => engine.stopWorkflow(instanceId, reason, options),
    isRunning: async (instanceId) => engine.isRunning(instanceId),
    subscribe: (instanceId, listener) => engine.subscribe(instanceId, listener),
    close: (options) => engine.close(options),
  };
}
