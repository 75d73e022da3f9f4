import type { ExecutionStatus } from '../schema/executionStatus';
import { isFinalInstanceStatus } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { stopChildren } from './stopChildren';
import { type WakeHost, wakeParent } from './wakeRuns';

/** What {@link afterRunEnded} needs of the engine. */
export interface AfterRunHost {
  readonly store: WorkflowStore;
  readonly wakeHost: WakeHost;
  stopWorkflow(instanceId: string, reason: string): Promise<ExecutionStatus>;
  /** Whether a run of the instance is being claimed in this engine right now. */
  isStarting(instanceId: string): boolean;
}

/**
 * A run ended or began to wait: when it failed or was cancelled its sub-workflow runs stop with
 * it, and when it ended for good its parent run (if any) hears of it. Never throws: what can't
 * be done now is reported and done by the next resume.
 */
export function afterRunEnded(
  host: AfterRunHost,
  instance: WorkflowInstance,
  status: ExecutionStatus,
): void {
  const report = (message: string): void => console.warn(`[flowloom] ${message}`);
  if (status.status === 'failed' || status.status === 'cancelled') {
    void stopChildren(
      {
        store: host.store,
        stop: (id, reason) => host.stopWorkflow(id, reason),
        isStarting: host.isStarting,
        report,
      },
      instance.instance_id,
    );
  }
  const { parent_instance_id: parentId, parent_step_id: stepId } = instance;
  if (parentId && stepId && isFinalInstanceStatus(status.status)) {
    void wakeParent(host.wakeHost, parentId, stepId, report);
  }
}
