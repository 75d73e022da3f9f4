import type { RunOwner } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { CreateInstanceInput, WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { checkRunInput } from './checkRunInput';
import { missingChild, tooDeep, tooManyRunsInTree } from './childErrors';
import { childInstanceId } from './childInstanceId';
import type { CreateInstanceOptions } from './createWorkflowInstance';
import type { ExecutionEventListener } from './engineEvents';
import type { StartedRun } from './engineOptions';
import { followChild } from './followChild';
import { SerialByKey } from './serialByKey';
import type { ChildRunOptions, ChildRuns } from './stepControl';
import { surveyChildren } from './surveyChildren';

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

/**
 * Creations of child runs into one store, one at a time per tree: the count that
 * `limits.maxRunsPerTree` is checked against can't be passed by creations racing in this
 * process. (Processes sharing a store may still pass it by the creations they make at once.)
 */
const treeCreations = new WeakMap<WorkflowStore, SerialByKey>();

/** A failure that concerns one child's input: later children of the step are still created. */
function isInputRefusal(error: unknown): boolean {
  return toFlowloomError(error).code === ErrorCode.VALIDATION_FAILED;
}

/**
 * The sub-workflow runs of one parent run: each child is an instance of its own (with
 * `parent_instance_id`, `parent_step_id` and its tree's `root_instance_id`), run by the same
 * engine, found again by its id when the parent step runs again, never created a second time.
 */
export class ChildRunner {
  private depth: Promise<number> | undefined;
  private readonly owner: RunOwner;
  /** The root of the parent's tree; records stored before roots were kept are their own. */
  private readonly rootId: string;

  constructor(
    private readonly host: ChildRunHost,
    private readonly parent: WorkflowInstance,
  ) {
    this.owner = { created_by: parent.created_by, tenant_id: parent.tenant_id ?? null };
    this.rootId = parent.root_instance_id ?? parent.instance_id;
  }

  /** The child runs of one step attempt, named after its idempotency key. */
  forStep(stepId: string, idempotencyKey: string): ChildRuns {
    const idOf = (index: number) => childInstanceId(idempotencyKey, index);
    // Creations in call order: the children that exist are always the first ones asked for, so
    // a gap among them means one was deleted (see `runItems`), even after a crash mid-way.
    let tail: Promise<void> = Promise.resolve();
    let broken: unknown;
    const open = async (
      index: number,
      workflow: SavedWorkflow,
      input: Record<string, unknown>,
      options: ChildRunOptions,
      signal: AbortSignal,
    ): Promise<WorkflowInstance> => {
      const previous = tail;
      let release!: () => void;
      tail = new Promise((resolve) => {
        release = resolve;
      });
      const turn = async (): Promise<void> => {
        await previous;
        if (broken !== undefined) throw broken;
      };
      try {
        return await this.open(stepId, idOf(index), workflow, input, options, signal, turn);
      } catch (error) {
        if (!isInputRefusal(error)) broken ??= error;
        throw error;
      } finally {
        release();
      }
    };
    return {
      loadWorkflow: async (workflowId) => {
        const saved = await this.host.loadWorkflow(workflowId, this.owner);
        if (!saved) {
          throw new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflowId}" does not exist`);
        }
        return saved;
      },
      idOf,
      run: async (index, workflow, input, signal, options = {}) => {
        const child = await open(index, workflow, input, options, signal);
        return followChild(this.host, child, input, signal);
      },
      survey: (count) => surveyChildren(this.host.store, this.parent.instance_id, idOf, count),
      stop: async (instanceId, reason) => {
        await this.host.stopWorkflow(instanceId, reason).catch(() => undefined);
      },
    };
  }

  /** The child as stored, created when the step has none yet (and may have one). */
  private async open(
    stepId: string,
    instanceId: string,
    workflow: SavedWorkflow,
    input: Record<string, unknown>,
    options: ChildRunOptions,
    signal: AbortSignal,
    turn: () => Promise<void>,
  ): Promise<WorkflowInstance> {
    if (signal.aborted) throw signal.reason;
    // Checked before anything is created, so a refused input leaves no pending child behind.
    checkRunInput(input, 'input_data', this.host.limits);
    const found = await this.host.store.getInstance(instanceId);
    if (found) return found;
    if (options.existing) throw missingChild(instanceId);
    await turn();
    const { maxWorkflowDepth, maxRunsPerTree } = this.host.limits;
    if ((await this.parentDepth()) + 1 > maxWorkflowDepth) throw tooDeep(maxWorkflowDepth);
    let creations = treeCreations.get(this.host.store);
    if (!creations) {
      creations = new SerialByKey();
      treeCreations.set(this.host.store, creations);
    }
    return creations.run(this.rootId, async () => {
      if ((await this.host.store.countTreeRuns(this.rootId)) >= maxRunsPerTree) {
        throw tooManyRunsInTree(this.rootId, maxRunsPerTree);
      }
      // A parent stopped meanwhile starts nothing new.
      if (signal.aborted) throw signal.reason;
      return this.create(stepId, instanceId, workflow);
    });
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
        { instance_id: instanceId, saved: workflow, root_instance_id: this.rootId },
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
