import type { RunOwner } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { CreateInstanceInput, WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { childInstanceId } from './childInstanceId';
import type { CreateInstanceOptions } from './createWorkflowInstance';
import type { ExecutionEventListener } from './engineEvents';
import type { StartedRun } from './engineOptions';
import type { ChildEnd, ChildRuns } from './stepControl';
import { workflowOutputOf } from './workflowOutputOf';

/** What child runs need of the engine. */
export interface ChildRunHost {
  readonly store: WorkflowStore;
  readonly limits: WorkflowLimits;
  /** A saved workflow the owner may read (the engine's `workflows` port), or `null`. */
  loadWorkflow(workflowId: string, owner: RunOwner): Promise<SavedWorkflow | null>;
  createChild(
    input: CreateInstanceInput,
    options: CreateInstanceOptions,
  ): Promise<WorkflowInstance>;
  startWorkflow(instanceId: string, input: Record<string, unknown>): Promise<StartedRun>;
  resumeWorkflow(instanceId: string): Promise<StartedRun>;
  /** The end of a run this engine is executing, when it is. */
  liveRunEnd(instanceId: string): Promise<ExecutionStatus> | undefined;
  getStatus(instanceId: string): Promise<ExecutionStatus>;
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void;
  stopWorkflow(instanceId: string, reason: string): Promise<ExecutionStatus>;
}

/** How often a step waiting for a child another process runs looks at the store again. */
const POLL_MS = 2_000;

/**
 * The sub-workflow runs of one parent run: each child is an instance of its own (with
 * `parent_instance_id` and `parent_step_id`), run by the same engine, found again by its id
 * when the parent step runs again.
 */
export class ChildRunner {
  private depth: Promise<number> | undefined;
  private readonly owner: RunOwner;

  constructor(
    private readonly host: ChildRunHost,
    private readonly parent: WorkflowInstance,
  ) {
    this.owner = { created_by: parent.created_by, tenant_id: parent.tenant_id ?? null };
  }

  /** The child runs of one step attempt, named after its idempotency key. */
  forStep(stepId: string, idempotencyKey: string): ChildRuns {
    return {
      loadWorkflow: async (workflowId) => {
        const saved = await this.host.loadWorkflow(workflowId, this.owner);
        if (!saved) {
          throw new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
        }
        return saved;
      },
      idOf: (index) => childInstanceId(idempotencyKey, index),
      run: (index, workflow, input, signal) =>
        this.run(stepId, childInstanceId(idempotencyKey, index), workflow, input, signal),
      stop: async (instanceId, reason) => {
        await this.host.stopWorkflow(instanceId, reason).catch(() => undefined);
      },
    };
  }

  private async run(
    stepId: string,
    instanceId: string,
    workflow: SavedWorkflow,
    input: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ChildEnd> {
    if (signal.aborted) throw signal.reason;
    let child = await this.host.store.getInstance(instanceId);
    if (!child) {
      const depth = (await this.parentDepth()) + 1;
      if (depth > this.host.limits.maxWorkflowDepth) {
        throw new FlowloomError(
          ErrorCode.MAX_DEPTH_EXCEEDED,
          `Sub-workflows nest deeper than ${this.host.limits.maxWorkflowDepth} levels`,
        );
      }
      child = await this.create(stepId, instanceId, workflow);
    }
    return this.follow(child, input, signal);
  }

  private async create(
    stepId: string,
    instanceId: string,
    workflow: SavedWorkflow,
  ): Promise<WorkflowInstance> {
    try {
      return await this.host.createChild(
        {
          name: workflow.name,
          workflow_id: workflow.workflow_id,
          created_by: this.owner.created_by,
          tenant_id: this.owner.tenant_id,
          parent_instance_id: this.parent.instance_id,
          parent_step_id: stepId,
        },
        { instance_id: instanceId, saved: workflow },
      );
    } catch (error) {
      // Another execution of the same attempt created it first: follow that one.
      const existing =
        toFlowloomError(error).code === ErrorCode.CONFLICT
          ? await this.host.store.getInstance(instanceId)
          : null;
      if (!existing) throw error;
      return existing;
    }
  }

  /** Runs the child from where it stands until it ends or waits. */
  private async follow(
    first: WorkflowInstance,
    input: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ChildEnd> {
    const id = first.instance_id;
    let child: WorkflowInstance | null = first;
    while (child) {
      if (signal.aborted) throw signal.reason;
      const { status } = child;
      if (status === 'waiting') return { instance_id: id, status: 'waiting' };
      if (status === 'completed' || status === 'failed' || status === 'cancelled') {
        return endOf(child, await this.host.getStatus(id));
      }
      const live = this.host.liveRunEnd(id) ?? (await this.startOrResume(child, input))?.done;
      if (live) return endOf(child, await untilAborted(live, signal));
      // It runs elsewhere (or is being claimed here): wait for a change, then look again.
      await this.nextChange(id, signal);
      child = await this.host.store.getInstance(id);
    }
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Sub-workflow run "${id}" was deleted`);
  }

  /** Starts a pending child, resumes an interrupted one; `undefined` when another claim won. */
  private async startOrResume(
    child: WorkflowInstance,
    input: Record<string, unknown>,
  ): Promise<{ done: Promise<ExecutionStatus> } | undefined> {
    if (child.status !== 'pending' && child.status !== 'interrupted') return undefined;
    try {
      const started =
        child.status === 'pending'
          ? await this.host.startWorkflow(child.instance_id, input)
          : await this.host.resumeWorkflow(child.instance_id);
      return { done: started.done };
    } catch (error) {
      if (toFlowloomError(error).code === ErrorCode.CONFLICT) return undefined;
      throw error;
    }
  }

  /** Resolves on the child's next lifecycle event, or after a while (it may run elsewhere). */
  private nextChange(instanceId: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        unsubscribe();
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        done();
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, POLL_MS);
      const unsubscribe = this.host.subscribe(instanceId, (event) => {
        if (!event.event_type.startsWith('execution_')) return;
        done();
        resolve();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** How many runs this one is nested in, read once from the store. */
  private parentDepth(): Promise<number> {
    this.depth ??= (async () => {
      let depth = 0;
      let current: WorkflowInstance | null = this.parent;
      // Past the limit the exact depth no longer matters.
      while (current?.parent_instance_id && depth <= this.host.limits.maxWorkflowDepth) {
        current = await this.host.store.getInstance(current.parent_instance_id);
        if (current) depth += 1;
      }
      return depth;
    })();
    return this.depth;
  }
}

/** What a child's state means for its parent step. */
function endOf(child: WorkflowInstance, status: ExecutionStatus): ChildEnd {
  const instance_id = child.instance_id;
  switch (status.status) {
    case 'completed':
      return {
        instance_id,
        status: 'completed',
        output: workflowOutputOf(child.workflow_data, status),
      };
    case 'failed':
    case 'cancelled':
      return {
        instance_id,
        status: status.status,
        error: status.error ?? { code: ErrorCode.STEP_FAILED, message: `The run ${status.status}` },
      };
    default:
      // Waiting, or interrupted by a shutdown: no process holds it; it wakes its parent at its end.
      return { instance_id, status: 'waiting' };
  }
}

/** The promise, or the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
