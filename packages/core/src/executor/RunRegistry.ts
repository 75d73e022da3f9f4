import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { BegunRun } from './beginRuns';
import { alreadyRunning } from './engineErrors';
import type { StartedRun } from './engineOptions';
import type { RunLeases } from './RunLeases';
import { WorkflowRun } from './WorkflowRun';

/**
 * The runs an engine executes, by instance id, and the claims on their way to becoming runs:
 * one run per instance at a time, at most `maxConcurrentRuns` at once. Across processes, a run
 * is claimed only with its lease in the store (`RunLeases`), held until the run ends.
 */
export class RunRegistry {
  private readonly runs = new Map<string, WorkflowRun | 'starting'>();
  /** Claims being made (a store read away from becoming runs); a shutdown waits for them. */
  private readonly claims = new Set<Promise<unknown>>();

  constructor(
    private readonly maxConcurrentRuns: number,
    private readonly leases: RunLeases,
  ) {}

  /** The run of an instance here, `'starting'` while it is claimed, or `undefined`. */
  get(instanceId: string): WorkflowRun | 'starting' | undefined {
    return this.runs.get(instanceId);
  }

  /** The live run of an instance here, when there is one. */
  live(instanceId: string): WorkflowRun | undefined {
    const run = this.runs.get(instanceId);
    return run instanceof WorkflowRun ? run : undefined;
  }

  has(instanceId: string): boolean {
    return this.runs.has(instanceId);
  }

  /** Holds an instance while something other than a run works on it (a stop from the journal). */
  hold(instanceId: string): void {
    this.runs.set(instanceId, 'starting');
  }

  release(instanceId: string): void {
    this.runs.delete(instanceId);
  }

  /** Every live run. */
  liveRuns(): WorkflowRun[] {
    return [...this.runs.values()].filter((run): run is WorkflowRun => run instanceof WorkflowRun);
  }

  /** Settles once every claim in progress became a run or failed. */
  async claimsSettled(): Promise<void> {
    await Promise.allSettled([...this.claims]);
  }

  /**
   * Claims an instance for a run, loads it, takes its lease and lets `begin` start the run; the
   * claim and the lease are released when the run ends (then `afterRun` hears of it) or when
   * `begin` throws.
   *
   * @throws FlowloomError `CONFLICT` when the instance runs here already or on another process
   * (its lease is held), `TOO_MANY_RUNS`, `NOT_FOUND`, and what `begin` throws.
   */
  claim(
    instanceId: string,
    load: (instanceId: string) => Promise<WorkflowInstance | null>,
    begin: (instance: WorkflowInstance) => Promise<BegunRun>,
    afterRun: (instance: WorkflowInstance, status: ExecutionStatus) => void,
  ): Promise<StartedRun> {
    // Claimed before the first await, so two calls racing for one instance can't both start it.
    if (this.runs.has(instanceId)) throw alreadyRunning(instanceId);
    if (this.runs.size >= this.maxConcurrentRuns) {
      throw new FlowloomError(
        ErrorCode.TOO_MANY_RUNS,
        `${this.runs.size} runs are executing, the most this server runs at once; try again shortly`,
      );
    }
    this.runs.set(instanceId, 'starting');
    const claimed = (async (): Promise<StartedRun> => {
      let leased = false;
      try {
        const instance = await load(instanceId);
        if (!instance) {
          throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
        }
        await this.leases.acquire(instanceId);
        leased = true;
        const { run, done, instance: current } = await begin(instance);
        if (run) {
          this.runs.set(instanceId, run);
          // Lost while it was beginning (a store slower than the lease): it runs elsewhere now.
          if (!this.leases.isHeld(instanceId)) void run.abandon();
        }
        const ended = done.finally(() => {
          // Released before the claim, so a new claim here waits for this release.
          this.leases.release(instanceId);
          this.runs.delete(instanceId);
        });
        void ended.then((status) => afterRun(current, status));
        return { instance: current, done: ended };
      } catch (error) {
        if (leased) this.leases.release(instanceId);
        this.runs.delete(instanceId);
        throw error;
      }
    })();
    this.claims.add(claimed);
    return claimed.finally(() => this.claims.delete(claimed));
  }
}
