import type { ExecutionEventListener } from '../executor/engineEvents';
import type {
  CloseOptions,
  ExecuteOptions,
  StartedRun,
  StopOptions,
} from '../executor/engineOptions';
import type { ExecutionStatus } from '../schema/executionStatus';

/**
 * Decides whether this process fires one tick of a schedule (the server's `TickClaim`): a
 * runner shared by a cluster brings one that holds across every process.
 */
export interface RunnerTickClaim {
  /** Whether this process fires the tick at `tickTime` of schedule step `stepId` of a workflow. */
  claim(workflowId: string, stepId: string, tickTime: Date): Promise<boolean>;
}

/**
 * What the server asks to get runs executed: accept a run (start, retry, resume, wake, a
 * resume request, a trigger), stop one, and follow its live events. In one process it is the
 * engine itself (`createInProcessRunner(engine)`); in queue mode (`@flowloom/queue`) every
 * request becomes a job for a worker process and events arrive over Redis.
 *
 * @remarks Each method resolves once the run is *accepted*: in one process the run is running
 * by then; in queue mode it may still wait for a worker. `done` settles when the run ends
 * (completed, failed, cancelled) or parks `waiting`. Replay of earlier events always comes from
 * the store (`store.listEvents`); `subscribe` delivers only what happens from now on.
 */
export interface WorkflowRunner {
  /** Starts a run of an instance (`POST /instances/{id}/execute`). */
  start(
    instanceId: string,
    input_data?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<StartedRun>;
  /** Runs a failed or cancelled instance again from its failed steps. */
  retry(instanceId: string): Promise<StartedRun>;
  /** Continues a run a process left unfinished (`interrupted`, or `running` in a dead process). */
  resume(instanceId: string): Promise<StartedRun>;
  /** Continues a `waiting` run whose wake time came. */
  wake(instanceId: string): Promise<StartedRun>;
  /** Ends a `wait` step waiting for a resume request; `data` becomes its output. */
  resumeWait(instanceId: string, stepId: string, data?: unknown): Promise<StartedRun>;
  /** Starts a run of an active workflow from one of its trigger steps. */
  trigger(
    workflowId: string,
    stepId: string,
    runInput?: Record<string, unknown>,
  ): Promise<StartedRun>;
  /** Cancels a run wherever it executes; resolves with its final state. */
  stop(instanceId: string, reason?: string, options?: StopOptions): Promise<ExecutionStatus>;
  /** Whether a run of the instance is accepted or executing (so it must not be deleted). */
  isRunning(instanceId: string): Promise<boolean>;
  /**
   * Calls `listener` with each new event of one instance, in `seq` order.
   *
   * @returns a function that unsubscribes.
   */
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void;
  /**
   * Who fires a schedule tick, when the runner is shared by several processes; the server's
   * in-process claim when absent.
   */
  readonly tickClaim?: RunnerTickClaim;
  /** Accepts no new run and lets go of what it holds (see `ExecutionEngine.close`). */
  close(options?: CloseOptions): Promise<void>;
}
