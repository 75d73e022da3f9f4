import type { ChildRunHost } from './ChildRunner';
import type { ExecutionEngine } from './ExecutionEngine';

/**
 * What child runs need of an engine: its public run methods, and the parts only the engine
 * holds (`own`).
 */
export function childRunHostOf(
  engine: ExecutionEngine,
  own: Pick<ChildRunHost, 'loadWorkflow' | 'createChild' | 'liveRunEnd'>,
): ChildRunHost {
  return {
    ...own,
    store: engine.store,
    limits: engine.limits,
    startWorkflow: (id, input) => engine.startWorkflow(id, input),
    resumeWorkflow: (id) => engine.resumeWorkflow(id),
    getStatus: (id) => engine.getStatus(id),
    subscribe: (id, listener) => engine.subscribe(id, listener),
    stopWorkflow: (id, reason) => engine.stopWorkflow(id, reason),
  };
}
