import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { WorkflowActivation } from '../schema/workflowActivation';

/**
 * The activations of a `MemoryStore`, apart so the store stays readable. Activations are frozen
 * records: reads hand them out as they are.
 */
export class MemoryActivations {
  private readonly activations = new Map<string, WorkflowActivation>();

  /** @param hasVersion whether the store holds this version of this workflow. */
  constructor(private readonly hasVersion: (workflowId: string, version: number) => boolean) {}

  activate(workflowId: string, version: number): WorkflowActivation {
    if (!this.hasVersion(workflowId, version)) {
      throw new FlowloomError(
        ErrorCode.NOT_FOUND,
        `Workflow "${workflowId}" does not exist or has no version ${version}`,
      );
    }
    return this.set(workflowId, version);
  }

  switchVersion(workflowId: string, version: number): WorkflowActivation | null {
    const current = this.activations.get(workflowId);
    if (!current || current.active_version >= version || !this.hasVersion(workflowId, version)) {
      return current ?? null;
    }
    return this.set(workflowId, version);
  }

  deactivate(workflowId: string): boolean {
    return this.activations.delete(workflowId);
  }

  get(workflowId: string): WorkflowActivation | null {
    return this.activations.get(workflowId) ?? null;
  }

  list(): WorkflowActivation[] {
    return [...this.activations.values()];
  }

  private set(workflowId: string, version: number): WorkflowActivation {
    const activation = Object.freeze({
      workflow_id: workflowId,
      active_version: version,
      activated_at: new Date().toISOString(),
    });
    this.activations.set(workflowId, activation);
    return activation;
  }
}
