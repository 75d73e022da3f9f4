import { EventEmitter } from 'eventemitter3';
import type { RunConcurrencyGate } from '../concurrency/runConcurrencyGate';
import { resolveLimits, type WorkflowLimits } from '../limits/workflowLimits';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { CreateInstanceInput, WorkflowInstance } from '../schema/workflowInstance';
import { MemoryStore } from '../store/MemoryStore';
import type { WorkflowStore } from '../store/WorkflowStore';
import { type TriggerHost, triggerWorkflow } from '../triggers/triggerWorkflow';
import { type AfterRunHost, afterRunEnded } from './afterRunEnded';
import { type BegunRun, beginResume, beginRetry, beginRun, type RunStartHost } from './beginRuns';
import { type ChildRunHost, ChildRunner } from './ChildRunner';
import { checkRunInput } from './checkRunInput';
import { childRunHostOf } from './childRunHostOf';
import { concurrencyGateOf } from './concurrencyGateOf';
import { createWorkflowInstance, type InstanceFactory } from './createWorkflowInstance';
import { EventFanOut } from './EventFanOut';
import { shuttingDown, stillStarting } from './engineErrors';
import type { ExecutionEngineEvents, ExecutionEventListener } from './engineEvents';
import type {
  CloseOptions,
  ExecuteOptions,
  ExecutionEngineOptions,
  StartedRun,
  StopOptions,
  WorkflowSource,
} from './engineOptions';
import { PlanCache } from './PlanCache';
import { leaseOptionsOf, RunLeases } from './RunLeases';
import { RunRegistry } from './RunRegistry';
import { readStoredStatus } from './readStoredStatus';
import { runDefaultsOf } from './runDefaultsOf';
import type { RunScopeOptions } from './runScope';
import { shutDownEngine } from './shutDownRuns';
import { stopUnownedRun, type UnownedStopHost } from './stopUnownedRun';
import { toExecutionStatus } from './toExecutionStatus';
import { WorkflowRun } from './WorkflowRun';
import { type WakeHost, wakeRun } from './wakeRuns';
import type { RunDefaults } from './workflowRunOptions';

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
  private readonly runs: RunRegistry;
  /** The store leases of the runs executing here, and their heartbeat. */
  private readonly leases: RunLeases;
  /** Who this engine is in the store's run leases (`options.ownerId`). */
  readonly ownerId: string;
  /** How long a run's lease lasts unless renewed (`options.leaseMs`). */
  readonly leaseMs: number;
  private readonly events = new EventFanOut(this);
  private readonly plans: PlanCache;
  /** The limits in force, defaults applied. */
  readonly limits: WorkflowLimits;
  /** Set once `close()` is called: no run is accepted any more. */
  private closing: Promise<void> | undefined;
  /** The clock waits are measured with (`options.now`), in ms since the epoch. */
  readonly now: () => number;
  /** Where sub-workflow steps load the workflows they run. */
  private readonly workflows: WorkflowSource;
  private readonly childHost: ChildRunHost;
  private readonly wakeHost: WakeHost;
  private readonly afterRunHost: AfterRunHost;
  private readonly startHost: RunStartHost;
  private readonly stopHost: UnownedStopHost;
  private readonly triggerHost: TriggerHost;
  /** Decides when runs may execute (`options.concurrencyGate`); `undefined`: at once. */
  private readonly gate: RunConcurrencyGate | undefined;
  /** What every run of this engine is made with. */
  private readonly runDefaults: RunDefaults;
  private readonly instances: InstanceFactory;

  constructor(options: ExecutionEngineOptions = {}) {
    super();
    this.registry = options.registry ?? componentRegistry;
    this.store = options.store ?? new MemoryStore();
    this.plans = new PlanCache(this.registry);
    this.limits = resolveLimits(options.limits);
    ({ ownerId: this.ownerId, leaseMs: this.leaseMs } = leaseOptionsOf(options));
    this.leases = new RunLeases({
      store: this.store,
      ownerId: this.ownerId,
      leaseMs: this.leaseMs,
      // Another process took the run over: it stops here, its end journaled over there.
      lost: (id) => void this.runs.live(id)?.abandon(),
    });
    this.runs = new RunRegistry(this.limits.maxConcurrentRuns, this.leases);
    this.runDefaults = runDefaultsOf(options, this.store, this.limits, this.events.publish);
    this.now = options.now ?? Date.now;
    this.gate = concurrencyGateOf(options, this.limits);
    this.workflows = options.workflows ?? { load: (id) => this.store.loadWorkflow(id) };
    const planFor = (instance: WorkflowInstance) => this.plans.planFor(instance, this.limits);
    this.instances = {
      store: this.store,
      registry: this.registry,
      limits: this.limits,
      plans: this.plans,
    };
    this.startHost = {
      store: this.store,
      gate: this.gate,
      plans: this.plans,
      planFor,
      createRun: this.createRun,
      publish: this.events.publish,
    };
    this.childHost = childRunHostOf(this, {
      loadWorkflow: (id, owner) => this.workflows.load(id, owner),
      createChild: (input, options) => createWorkflowInstance(this.instances, input, options),
      liveRunEnd: (id) => this.runs.live(id)?.done,
    });
    this.wakeHost = {
      store: this.store,
      gate: this.gate,
      liveRun: (id) => this.runs.get(id),
      claim: (id, begin) => this.claim(id, begin),
      planFor,
      createRun: this.createRun,
      now: () => this.now(),
    };
    this.stopHost = {
      runs: this.runs,
      leases: this.leases,
      journal: this.startHost,
      stopAgain: (id, reason) => this.stopWorkflow(id, reason),
      afterRun: (instance, status) => afterRunEnded(this.afterRunHost, instance, status),
    };
    this.triggerHost = {
      store: this.store,
      registry: this.registry,
      createInstance: (input, options) => createWorkflowInstance(this.instances, input, options),
      startWorkflow: (id, input, options) => this.startWorkflow(id, input, options),
    };
    this.afterRunHost = {
      store: this.store,
      wakeHost: this.wakeHost,
      stopWorkflow: (id, reason) => this.stopWorkflow(id, reason),
      isStarting: (id) => this.runs.get(id) === 'starting',
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
    return createWorkflowInstance(this.instances, input);
  }

  /**
   * Accepts a run and starts it: resolves once the instance is marked running (or `queued`,
   * when a concurrency limit makes it wait for a slot), with `done` for its end. Hosts answer
   * "202 Accepted" here and follow the run through events.
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
    const scope: RunScopeOptions = { until: options.until, startAt: options.startAt };
    return this.claim(instanceId, (instance) =>
      beginRun(this.startHost, instance, input_data, variables, scope),
    );
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
    return this.claim(instanceId, (instance) => beginResume(this.startHost, instance));
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
    return this.claim(instanceId, (instance) => beginRetry(this.startHost, instance));
  }

  /** Claims an instance for a run in this engine (see `RunRegistry.claim`). */
  private claim(
    instanceId: string,
    begin: (instance: WorkflowInstance) => Promise<BegunRun>,
  ): Promise<StartedRun> {
    if (this.closing) throw shuttingDown();
    return this.runs.claim(
      instanceId,
      (id) => this.store.getInstance(id),
      begin,
      (instance, status) => afterRunEnded(this.afterRunHost, instance, status),
    );
  }

  /** A run of an instance, made with this engine's defaults (how every start begins one). */
  private readonly createRun: RunStartHost['createRun'] = (
    instance,
    plan,
    input,
    vars,
    lastSeq,
    scope,
  ) =>
    new WorkflowRun(this.runDefaults, {
      instance,
      plan,
      input_data: input,
      variables: vars,
      lastSeq,
      control: {
        limits: this.limits,
        now: this.now,
        children: new ChildRunner(this.childHost, instance),
      },
      scope,
    });

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
    return triggerWorkflow(this.triggerHost, workflowId, stepId, run_input);
  }

  /**
   * Stops an instance's run for good: running steps see their AbortSignal abort and the run
   * ends `cancelled`. An `interrupted` or `waiting` run (and, with `cancelOrphaned`, one whose
   * process died) is cancelled from its journal. Its sub-workflow runs are stopped too.
   * Resolves with the final state.
   *
   * @throws FlowloomError `CONFLICT` when the instance has no run to stop (or another live
   * process executes it), `NOT_FOUND` when it does not exist.
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
    if (run === 'starting') throw stillStarting(instanceId);
    return stopUnownedRun(this.stopHost, instanceId, reason, options);
  }

  /**
   * The state of an instance's latest run: live when it runs here, else rebuilt from its stored
   * events (so any process sharing the store gives the same answer).
   *
   * @throws FlowloomError `NOT_FOUND`.
   */
  async getStatus(instanceId: string): Promise<ExecutionStatus> {
    const run = this.runs.live(instanceId);
    return run ? toExecutionStatus(run.state) : readStoredStatus(this.store, instanceId);
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
    return this.events.subscribe(instanceId, listener);
  }

  /**
   * Shuts the engine down without losing runs: it accepts no new run at once (`SHUTTING_DOWN`),
   * lets the steps already running finish for up to `graceMs` (their outcomes are journaled as
   * usual, nothing new starts), then ends every unfinished run `interrupted`: its still-running
   * steps are aborted and their attempts run again when the run resumes. Runs `queued` for a
   * concurrency slot are interrupted at once: a resume begins them as they were queued. Runs are
   * never cancelled here; only `stopWorkflow` cancels. Safe to call more than once.
   *
   * @example
   * // On SIGTERM (a deploy): steps get 25 s, then unfinished runs are left interrupted.
   * await engine.close({ graceMs: 25_000 });
   */
  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= shutDownEngine(this.runs, this.leases, options.graceMs ?? 10_000);
    return this.closing;
  }
}
