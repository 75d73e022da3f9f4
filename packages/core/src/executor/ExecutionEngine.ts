import { EventEmitter } from 'eventemitter3';
import type { CredentialResolver } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import { resolveLimits, type WorkflowLimits } from '../limits/workflowLimits';
import { createGuardedFetch } from '../network/createGuardedFetch';
import { NetworkOptionsSchema, type StepFetch } from '../network/stepFetch';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import { isFinalInstanceStatus } from '../schema/status';
import type { CreateInstanceInput, WorkflowInstance } from '../schema/workflowInstance';
import { MemoryStore } from '../store/MemoryStore';
import type { WorkflowStore } from '../store/WorkflowStore';
import { triggerWorkflow } from '../triggers/triggerWorkflow';
import { applyEvent } from './applyEvent';
import { type ChildRunHost, ChildRunner } from './ChildRunner';
import { checkRunInput } from './checkRunInput';
import { createWorkflowInstance } from './createWorkflowInstance';
import {
  alreadyRunning,
  interruptedConflict,
  retryRefusal,
  shuttingDown,
  waitingConflict,
} from './engineErrors';
import type { ExecutionEngineEvents, ExecutionEventListener } from './engineEvents';
import type {
  CloseOptions,
  ExecuteOptions,
  ExecutionEngineOptions,
  StartedRun,
  StopOptions,
  WorkflowSource,
} from './engineOptions';
import { failUnstartedRun } from './failUnstartedRun';
import { PlanCache } from './PlanCache';
import { planOfStepIds } from './planOfStepIds';
import { readRunJournal } from './readRunJournal';
import { createRunState } from './runState';
import { stopChildren } from './stopChildren';
import { toExecutionStatus } from './toExecutionStatus';
import { WorkflowRun } from './WorkflowRun';
import { type WakeHost, wakeParent, wakeRun } from './wakeRuns';

export type {
  CloseOptions,
  ExecuteOptions,
  ExecutionEngineOptions,
  StartedRun,
  StopOptions,
  WorkflowSource,
} from './engineOptions';

/**
 * Runs workflow instances: independent branches in parallel, chains in sequence, with retries,
 * timeouts, cancellation and an event for every change.
 *
 * @example
 * const engine = new ExecutionEngine();
 * const instance = await engine.createInstance({ name: 'Demo', workflow_data });
 * engine.subscribe(instance.instance_id, (event) => console.log(event.seq, event.event_type));
 * const status = await engine.executeWorkflow(instance.instance_id, { test: true });
 */
export class ExecutionEngine extends EventEmitter<ExecutionEngineEvents> {
  /** Where component types are looked up. */
  readonly registry: ComponentRegistry;
  /** Where instances, events and logs are kept. */
  readonly store: WorkflowStore;
  private readonly concurrency: number;
  private readonly runs = new Map<string, WorkflowRun | 'starting'>();
  private readonly subscribers = new Map<string, Set<ExecutionEventListener>>();
  private readonly plans: PlanCache;
  /** The limits in force, defaults applied. */
  readonly limits: WorkflowLimits;
  private readonly stepFetch: StepFetch;
  private readonly sandbox: CodeSandbox | undefined;
  private readonly credentials: CredentialResolver | undefined;
  /** Claims being made (a store read away from becoming runs); `close()` waits for them. */
  private readonly claims = new Set<Promise<unknown>>();
  /** Set once `close()` is called: no run is accepted any more. */
  private closing: Promise<void> | undefined;
  /** The clock waits are measured with (`options.now`), in ms since the epoch. */
  readonly now: () => number;
  /** Where sub-workflow steps load the workflows they run. */
  private readonly workflows: WorkflowSource;
  private readonly childHost: ChildRunHost;
  private readonly wakeHost: WakeHost;

  constructor(options: ExecutionEngineOptions = {}) {
    super();
    this.registry = options.registry ?? componentRegistry;
    this.store = options.store ?? new MemoryStore();
    this.plans = new PlanCache(this.registry);
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new FlowloomError(
        ErrorCode.VALIDATION_FAILED,
        'concurrency must be a whole number of at least 1',
      );
    }
    this.concurrency = concurrency;
    this.limits = resolveLimits(options.limits);
    const network = NetworkOptionsSchema.parse(options.network ?? {});
    this.stepFetch = options.fetch ?? createGuardedFetch({ network });
    this.sandbox = options.sandbox;
    this.credentials = options.credentials;
    this.now = options.now ?? Date.now;
    this.workflows = options.workflows ?? { load: (id) => this.store.loadWorkflow(id) };
    this.childHost = this.childRunHost();
    this.wakeHost = {
      store: this.store,
      liveRun: (id) => this.runs.get(id),
      claim: (id, begin) => this.claim(id, begin),
      planFor: (instance) => this.plans.planFor(instance, this.limits),
      createRun: (...args) => this.createRun(...args),
    };
  }

  /**
   * Creates an instance from a workflow document, or from a saved workflow by `workflow_id`:
   * its latest version, or `version`; the instance records which as `workflow_version`.
   *
   * @throws FlowloomError `VALIDATION_FAILED` for a bad input, `NOT_FOUND` for an unknown
   * `workflow_id` or `version`, `INVALID_WORKFLOW` (with every problem in `issues`) for an
   * invalid workflow.
   */
  async createInstance(input: CreateInstanceInput): Promise<WorkflowInstance> {
    return createWorkflowInstance(this, input);
  }

  /**
   * Accepts a run and starts it: resolves once the instance is marked running, with `done` for
   * its end. Hosts answer "202 Accepted" here and follow the run through events.
   *
   * @throws FlowloomError `NOT_FOUND`, `CONFLICT` when the instance is already running, was
   * interrupted (it resumes instead) or waits (it is woken or resumed instead), `VALIDATION_FAILED` for an input that is not an object,
   * `INVALID_WORKFLOW`, `SHUTTING_DOWN` once `close()` was called.
   */
  async startWorkflow(
    instanceId: string,
    input_data: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<StartedRun> {
    checkRunInput(input_data, 'input_data', this.limits);
    const variables = options.variables ?? {};
    checkRunInput(variables, 'variables', this.limits);
    return this.claim(instanceId, async (instance) => {
      if (instance.status === 'running') throw alreadyRunning(instanceId);
      if (instance.status === 'interrupted') throw interruptedConflict(instanceId);
      if (instance.status === 'waiting') throw waitingConflict(instanceId);
      const plan = this.plans.planFor(instance, this.limits);
      const lastSeq = await this.store.lastEventSeq(instanceId);
      const started = await this.store.updateInstance(instanceId, {
        status: 'running',
        input_data,
        started_at: new Date().toISOString(),
        finished_at: null,
        error: null,
      });
      try {
        const run = this.createRun(started, plan, input_data, { ...variables }, lastSeq);
        return { instance: started, run, done: run.start() };
      } catch (thrown) {
        // Accepted, but it could not begin: it must end failed, never stay `running`.
        const done = failUnstartedRun(this.store, (event) => this.publish(event), {
          instance: started,
          plan,
          lastSeq,
          thrown,
        });
        return { instance: started, done };
      }
    });
  }

  /**
   * Continues a run that a process left unfinished: its record says `interrupted` (a shutdown
   * interrupted it) or `running` (its process was killed). Replays the run's stored events and
   * goes on from there: finished steps are not run again, a step that was in flight runs its
   * attempt again (at-least-once; see `context.idempotency_key`). A run whose journal already
   * ended only gets its instance record corrected.
   *
   * @remarks Call it for instances no live process is running, e.g. at start-up of the only
   * process (`createWorkflowServer` does, with `resumeOnStart`), or from a queue worker that
   * took the run over.
   * @throws FlowloomError `NOT_FOUND`, `CONFLICT` when the instance is running here or its
   * record says neither `running` nor `interrupted`, `SHUTTING_DOWN`.
   */
  async resumeWorkflow(instanceId: string): Promise<StartedRun> {
    return this.claim(instanceId, async (instance) => {
      if (instance.status !== 'running' && instance.status !== 'interrupted') {
        throw new FlowloomError(
          ErrorCode.CONFLICT,
          `Instance "${instanceId}" has no interrupted run (status: ${instance.status})`,
        );
      }
      const journal = await readRunJournal(this.store, instanceId);
      const plan = this.plans.planFor(instance, this.limits);
      if (journal.ended) {
        const run = this.createRun(instance, plan, {}, {}, journal.lastSeq);
        return { instance, run, done: run.settleFrom(journal.events) };
      }
      const current =
        instance.status === 'running'
          ? instance
          : await this.store.updateInstance(instanceId, { status: 'running' });
      const { started } = journal;
      const run = this.createRun(
        current,
        plan,
        started?.input_data ?? instance.input_data ?? {},
        started?.variables ?? {},
        journal.lastSeq,
      );
      return { instance: current, run, done: started ? run.resume(journal.events) : run.start() };
    });
  }

  /**
   * Runs a failed or cancelled instance again from where it stopped: its failed and cancelled
   * steps and everything downstream of them run again, the steps that completed keep their
   * outputs (their components are not called again). Attempt numbers continue (a step that made
   * 2 attempts starts at attempt 3, with its retry policy anew) and so do the events' `seq`.
   * Resolves once the instance is marked running, with `done` for the run's end.
   *
   * @throws FlowloomError `NOT_FOUND`, `CONFLICT` while it runs or is interrupted, when its run
   * completed or it never ran; `SHUTTING_DOWN`.
   */
  async retryWorkflow(instanceId: string): Promise<StartedRun> {
    return this.claim(instanceId, async (instance) => {
      if (instance.status !== 'failed' && instance.status !== 'cancelled') {
        throw new FlowloomError(ErrorCode.CONFLICT, retryRefusal(instanceId, instance.status));
      }
      const journal = await readRunJournal(this.store, instanceId);
      if (!journal.started) {
        throw new FlowloomError(ErrorCode.CONFLICT, retryRefusal(instanceId, 'pending'));
      }
      const plan = this.plans.planFor(instance, this.limits);
      const current = await this.store.updateInstance(instanceId, {
        status: 'running',
        finished_at: null,
        error: null,
      });
      const run = this.createRun(
        current,
        plan,
        journal.started.input_data,
        journal.started.variables,
        journal.lastSeq,
      );
      return { instance: current, run, done: run.retry(journal.events) };
    });
  }

  /**
   * Claims an instance for a run in this engine, loads it and lets `begin` start the run; the
   * claim is released when the run ends or when `begin` throws.
   */
  private async claim(
    instanceId: string,
    begin: (instance: WorkflowInstance) => Promise<StartedRun & { run?: WorkflowRun }>,
  ): Promise<StartedRun> {
    if (this.closing) throw shuttingDown();
    // Claimed before the first await, so two calls racing for one instance can't both start it.
    if (this.runs.has(instanceId)) throw alreadyRunning(instanceId);
    if (this.runs.size >= this.limits.maxConcurrentRuns) {
      throw new FlowloomError(
        ErrorCode.TOO_MANY_RUNS,
        `${this.runs.size} runs are executing, the most this server runs at once; try again shortly`,
      );
    }
    this.runs.set(instanceId, 'starting');
    const claimed = (async (): Promise<StartedRun> => {
      try {
        const instance = await this.store.getInstance(instanceId);
        if (!instance) {
          throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
        }
        const { run, done, instance: current } = await begin(instance);
        if (run) this.runs.set(instanceId, run);
        const ended = done.finally(() => this.runs.delete(instanceId));
        void ended.then((status) => this.afterRun(current, status));
        return { instance: current, done: ended };
      } catch (error) {
        this.runs.delete(instanceId);
        throw error;
      }
    })();
    this.claims.add(claimed);
    return claimed.finally(() => this.claims.delete(claimed));
  }

  private createRun(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    input_data: Record<string, unknown>,
    variables: Record<string, unknown>,
    lastSeq: number,
  ): WorkflowRun {
    return new WorkflowRun({
      instance,
      plan,
      store: this.store,
      concurrency: this.concurrency,
      input_data,
      variables,
      lastSeq,
      publish: (event) => this.publish(event),
      limits: this.limits,
      fetch: this.stepFetch,
      sandbox: this.sandbox,
      credentials: this.credentials,
      control: {
        limits: this.limits,
        now: this.now,
        children: new ChildRunner(this.childHost, instance),
      },
    });
  }

  /**
   * Continues a `waiting` run whose wake time came (the server's waker calls it): its steps
   * due wake, and those waiting for their sub-workflows look at them again; it goes on from
   * there, or waits again. Resolves once it is running, with `done` for its end.
   *
   * @throws FlowloomError `NOT_FOUND`, `CONFLICT` when it is not waiting, `SHUTTING_DOWN`,
   * `TOO_MANY_RUNS`.
   */
  async wakeWorkflow(instanceId: string): Promise<StartedRun> {
    return wakeRun(this.wakeHost, instanceId);
  }

  /**
   * Ends a `wait` step that waits for a resume (an approval): `data` becomes its output and the
   * run goes on, whether it was parked (`waiting`) or still running other branches.
   *
   * @example
   * await engine.resumeWait(instanceId, 'approve', { approved: true });
   * @throws FlowloomError `NOT_FOUND` for an unknown instance or step, `CONFLICT` when that
   * step is not waiting for a resume, `SHUTTING_DOWN`, `TOO_MANY_RUNS`.
   */
  async resumeWait(instanceId: string, stepId: string, data: unknown = {}): Promise<StartedRun> {
    return wakeRun(this.wakeHost, instanceId, { step_id: stepId, data });
  }

  /** A run ended or began to wait: its children stop with it, its parent hears of its end. */
  private afterRun(instance: WorkflowInstance, status: ExecutionStatus): void {
    const report = (message: string): void => console.warn(`[flowloom] ${message}`);
    if (status.status === 'failed' || status.status === 'cancelled') {
      const stop = (id: string, reason: string) => this.stopWorkflow(id, reason);
      void stopChildren(this.store, instance.instance_id, stop, report);
    }
    const { parent_instance_id: parentId, parent_step_id: stepId } = instance;
    if (parentId && stepId && isFinalInstanceStatus(status.status)) {
      void wakeParent(this.wakeHost, parentId, stepId, report);
    }
  }

  /** What child runs need of this engine. */
  private childRunHost(): ChildRunHost {
    return {
      store: this.store,
      limits: this.limits,
      loadWorkflow: (id, owner) => this.workflows.load(id, owner),
      createChild: (input, options) => createWorkflowInstance(this, input, options),
      startWorkflow: (id, input) => this.startWorkflow(id, input),
      resumeWorkflow: (id) => this.resumeWorkflow(id),
      liveRunEnd: (id) => {
        const run = this.runs.get(id);
        return run instanceof WorkflowRun ? run.done : undefined;
      },
      getStatus: (id) => this.getStatus(id),
      subscribe: (id, listener) => this.subscribe(id, listener),
      stopWorkflow: (id, reason) => this.stopWorkflow(id, reason),
    };
  }

  /**
   * Runs an instance and resolves with its final state when the run ends (completed, failed or
   * cancelled), or with `waiting` when only waiting steps are left (it continues through
   * `wakeWorkflow` or `resumeWait`). A failed run resolves too: read `status` and `error`.
   *
   * @throws FlowloomError as {@link ExecutionEngine.startWorkflow} does.
   */
  async executeWorkflow(
    instanceId: string,
    input_data: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<ExecutionStatus> {
    const { done } = await this.startWorkflow(instanceId, input_data, options);
    return done;
  }

  /**
   * Starts a run of an active saved workflow from one of its trigger steps: the host's own
   * event bus as a trigger (the server's webhook route and scheduler call it too). The run is a
   * new instance of the workflow's active version, owned by the workflow's owner (`created_by`,
   * `tenant_id`), recording `trigger: { type, step_id }`; `run_input` becomes the trigger
   * step's output. The run follows that trigger only: steps only other triggers lead to are
   * skipped. Resolves once the run is accepted, with `done` for its end.
   *
   * @example
   * bus.on('order.created', (order) => engine.trigger(workflowId, 'on_order', { body: order }));
   * @throws FlowloomError `NOT_FOUND` for an unknown workflow or step, `WORKFLOW_INACTIVE` for
   * an inactive workflow, `VALIDATION_FAILED` for a step that is not a trigger, and what
   * {@link ExecutionEngine.startWorkflow} throws; a refused run leaves no instance behind.
   */
  trigger(
    workflowId: string,
    stepId: string,
    run_input: Record<string, unknown> = {},
  ): Promise<StartedRun> {
    return triggerWorkflow(this, workflowId, stepId, run_input);
  }

  /**
   * Stops an instance's run for good: running steps see their AbortSignal abort and the run
   * ends `cancelled`. An `interrupted` or `waiting` run (and, with `cancelOrphaned`, one whose
   * process died) is cancelled from its journal. Its sub-workflow runs are stopped too.
   * Resolves with the final state.
   *
   * @throws FlowloomError `CONFLICT` when the instance has no run to stop, `NOT_FOUND` when it
   * does not exist.
   */
  async stopWorkflow(
    instanceId: string,
    reason = 'Stopped by request',
    options: StopOptions = {},
  ): Promise<ExecutionStatus> {
    const run = this.runs.get(instanceId);
    if (run instanceof WorkflowRun) {
      const status = await run.cancel(reason);
      // It had just begun to wait (no process holds it now): cancel it from its journal.
      if (status.status !== 'waiting') return status;
    }
    if (run === 'starting') {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" is still starting; try again`,
      );
    }
    const instance = await this.store.getInstance(instanceId);
    if (!instance)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    const unowned =
      instance.status === 'interrupted' ||
      instance.status === 'waiting' ||
      (instance.status === 'running' && options.cancelOrphaned === true);
    if (!unowned) {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" is not running (status: ${instance.status})`,
      );
    }
    // Something may have claimed it meanwhile (a resume): stop that instead.
    if (this.runs.has(instanceId)) return this.stopWorkflow(instanceId, reason);
    this.runs.set(instanceId, 'starting');
    try {
      const journal = await readRunJournal(this.store, instanceId);
      const run = this.createRun(
        instance,
        planOfStepIds(instance.workflow_data.nodes.map((node) => node.id)),
        journal.started?.input_data ?? {},
        journal.started?.variables ?? {},
        journal.lastSeq,
      );
      const status = await (journal.ended
        ? run.settleFrom(journal.events)
        : run.cancelFrom(journal.events, reason));
      this.afterRun(instance, status);
      return status;
    } finally {
      this.runs.delete(instanceId);
    }
  }

  /**
   * The state of an instance's latest run: live when it runs here, else rebuilt from its stored
   * events (so any process sharing the store gives the same answer).
   *
   * @throws FlowloomError `NOT_FOUND`.
   */
  async getStatus(instanceId: string): Promise<ExecutionStatus> {
    const run = this.runs.get(instanceId);
    if (run instanceof WorkflowRun) return toExecutionStatus(run.state);
    const instance = await this.store.getInstance(instanceId);
    if (!instance)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    const state = createRunState(
      instanceId,
      instance.workflow_data.nodes.map((node) => node.id),
    );
    for (const event of await this.store.listEvents(instanceId)) applyEvent(state, event);
    if (state.status === 'pending' || state.status === 'running') {
      // No events yet, or a run whose process went away: the instance record is the best word.
      state.status = instance.status;
      state.started_at ??= instance.started_at;
      state.error ??= instance.error;
    }
    return toExecutionStatus(state);
  }

  /** Whether an instance is running in this engine. */
  isRunning(instanceId: string): boolean {
    return this.runs.has(instanceId);
  }

  /**
   * Calls `listener` with each new event of one instance, in `seq` order, once it is stored.
   * Read earlier events with `store.listEvents(instanceId, { afterSeq })`.
   *
   * @returns a function that unsubscribes.
   */
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void {
    let listeners = this.subscribers.get(instanceId);
    if (!listeners) {
      listeners = new Set();
      this.subscribers.set(instanceId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.subscribers.get(instanceId) === listeners)
        this.subscribers.delete(instanceId);
    };
  }

  /**
   * Shuts the engine down without losing runs: it accepts no new run at once (`SHUTTING_DOWN`),
   * lets the steps already running finish for up to `graceMs` (their outcomes are journaled as
   * usual, nothing new starts), then ends every unfinished run `interrupted`: its still-running
   * steps are aborted and their attempts run again when the run resumes. Runs are never
   * cancelled here; only `stopWorkflow` cancels. Safe to call more than once.
   *
   * @example
   * // On SIGTERM (a deploy): steps get 25 s, then unfinished runs are left interrupted.
   * await engine.close({ graceMs: 25_000 });
   */
  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutDown(options.graceMs ?? 10_000);
    return this.closing;
  }

  private async shutDown(graceMs: number): Promise<void> {
    // A claim in progress is a few store calls from being a run: wait for it to become one.
    await Promise.allSettled([...this.claims]);
    const runs = [...this.runs.values()].filter(
      (run): run is WorkflowRun => run instanceof WorkflowRun,
    );
    if (runs.length === 0) return;
    const reason = 'The server shut down before the run ended';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, graceMs));
    });
    await Promise.race([Promise.all(runs.map((run) => run.drain(reason))), graceOver]);
    clearTimeout(timer);
    await Promise.all(runs.map((run) => run.interrupt(reason)));
  }

  private publish(event: ExecutionEvent): void {
    const listeners = this.subscribers.get(event.instance_id);
    if (listeners) {
      for (const listener of listeners) callSafely(() => listener(event));
    }
    callSafely(() => this.emit('event', event));
    // The emitter's map types each name with its own event; the union can't show that here.
    callSafely(() =>
      (this.emit as (name: string, event: ExecutionEvent) => boolean)(event.event_type, event),
    );
  }
}

/** A listener that throws must not break the run or the other listeners: it is reported. */
function callSafely(notify: () => unknown): void {
  try {
    notify();
  } catch (error) {
    console.error('[flowloom] An execution event listener threw:', error);
  }
}
