import { EventEmitter } from 'eventemitter3';
import type { CredentialResolver } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import { toErrorIssues } from '../errors/zodIssues';
import type { ExecutionPlan } from '../graph/executionPlan';
import { invalidWorkflowError } from '../graph/invalidWorkflowError';
import { inspectWorkflow } from '../graph/validateWorkflow';
import { findJsonDepthProblem } from '../limits/measureJson';
import {
  resolveLimits,
  type WorkflowLimits,
  type WorkflowLimitsInput,
} from '../limits/workflowLimits';
import { createGuardedFetch } from '../network/createGuardedFetch';
import {
  type NetworkOptionsInput,
  NetworkOptionsSchema,
  type StepFetch,
} from '../network/stepFetch';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import { isReservedId } from '../schema/isReservedId';
import {
  type CreateInstanceInput,
  CreateInstanceInputSchema,
  type WorkflowInstance,
} from '../schema/workflowInstance';
import { createId } from '../store/createId';
import { MemoryStore } from '../store/MemoryStore';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import type { ExecutionEngineEvents, ExecutionEventListener } from './engineEvents';
import { PlanCache } from './PlanCache';
import { createRunState } from './runState';
import { toExecutionStatus } from './toExecutionStatus';
import { WorkflowRun } from './WorkflowRun';

/** Options of {@link ExecutionEngine}. */
export interface ExecutionEngineOptions {
  /**
   * Where component types are looked up.
   * @default componentRegistry
   */
  registry?: ComponentRegistry;
  /**
   * Where instances, events and logs are kept.
   * @default new MemoryStore()
   */
  store?: WorkflowStore;
  /**
   * Steps of one run that may run at once.
   * @default 8
   */
  concurrency?: number;
  /**
   * Bounds on what workflows and their runs may do; each has a default (see `WorkflowLimits`).
   * The engine uses `maxJsonDepth`, `maxStepOutputBytes`, `maxRunEventBytes`,
   * `maxLogLinesPerRun`, `maxConcurrentRuns` and the document limits of validation.
   */
  limits?: WorkflowLimitsInput;
  /**
   * What steps may reach over the network through `context.fetch`. By default nothing private:
   * loopback, RFC 1918, link-local and the like are refused.
   */
  network?: NetworkOptionsInput;
  /**
   * The `fetch` steps get as `context.fetch`.
   * @default createGuardedFetch({ network }): it refuses private addresses written as IP
   * literals or `localhost`, but cannot see what a host name resolves to. On Node, use the
   * DNS-checking `createGuardedNodeFetch(network)` from `@flowloom/server-adapter`
   * (`createWorkflowServer` does).
   */
  fetch?: StepFetch;
  /** Where `code` steps run JavaScript (`createCodeSandbox()` from `@flowloom/server-adapter`). */
  sandbox?: CodeSandbox;
  /** Resolves the credentials `secret` parameters refer to; without one they fail `NOT_CONFIGURED`. */
  credentials?: CredentialResolver;
}

/** Options of one run. */
export interface ExecuteOptions {
  /** Run variables to start with, readable as `{{ vars.<name> }}`. */
  variables?: Record<string, unknown>;
}

/** A run that was accepted: the instance as it now stands and the run's end. */
export interface StartedRun {
  instance: WorkflowInstance;
  /** Settles with the final state when the run ends; never rejects. */
  done: Promise<ExecutionStatus>;
}

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
  }

  /**
   * Creates an instance from a workflow document, or from a saved workflow by `workflow_id`.
   *
   * @throws FlowloomError `VALIDATION_FAILED` for a bad input, `NOT_FOUND` for an unknown
   * `workflow_id`, `INVALID_WORKFLOW` (with every problem in `issues`) for an invalid workflow.
   */
  async createInstance(input: CreateInstanceInput): Promise<WorkflowInstance> {
    const parsed = CreateInstanceInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Invalid instance input', {
        issues: toErrorIssues(parsed.error),
      });
    }
    const { name, workflow_id, created_by, tenant_id } = parsed.data;
    let workflowData = parsed.data.workflow_data;
    if (workflowData === undefined) {
      if (!workflow_id) {
        throw new FlowloomError(
          ErrorCode.VALIDATION_FAILED,
          'Give workflow_data or a workflow_id',
          {
            issues: [{ path: 'workflow_data', message: 'Required when no workflow_id is given' }],
          },
        );
      }
      const saved = await this.store.loadWorkflow(workflow_id);
      if (!saved)
        throw new FlowloomError(ErrorCode.NOT_FOUND, `Workflow "${workflow_id}" does not exist`);
      workflowData = saved.workflow_data;
    }
    const { result: validation, index } = inspectWorkflow(workflowData, this.registry, {
      limits: this.limits,
    });
    const parsedData = index?.data;
    if (!validation.valid || !parsedData)
      throw invalidWorkflowError(validation.errors, 'workflow_data');
    const now = new Date().toISOString();
    return this.store.createInstance({
      instance_id: createId('inst'),
      workflow_id: workflow_id ?? null,
      name,
      status: 'pending',
      workflow_data: parsedData,
      input_data: null,
      created_by: created_by ?? null,
      tenant_id: tenant_id ?? null,
      created_at: now,
      updated_at: now,
      started_at: null,
      finished_at: null,
      error: null,
    });
  }

  /**
   * Accepts a run and starts it: resolves once the instance is marked running, with `done` for
   * its end. Hosts answer "202 Accepted" here and follow the run through events.
   *
   * @throws FlowloomError `NOT_FOUND`, `CONFLICT` when the instance is already running,
   * `VALIDATION_FAILED` for an input that is not an object, `INVALID_WORKFLOW`.
   */
  async startWorkflow(
    instanceId: string,
    input_data: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<StartedRun> {
    this.checkRunInput(input_data, 'input_data');
    const variables = options.variables ?? {};
    this.checkRunInput(variables, 'variables');
    return this.claim(instanceId, async (instance) => {
      if (instance.status === 'running') throw alreadyRunning(instanceId);
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
        const done = this.failUnstartedRun(started, plan, lastSeq, thrown);
        return { instance: started, done };
      }
    });
  }

  /** A run input or variables: an object of bounded depth, without reserved names. */
  private checkRunInput(value: unknown, field: 'input_data' | 'variables'): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new FlowloomError(ErrorCode.VALIDATION_FAILED, `${field} must be an object`, {
        issues: [{ path: field, message: 'Expected an object' }],
      });
    }
    const tooDeep = findJsonDepthProblem(value, this.limits.maxJsonDepth);
    if (tooDeep) {
      const path = tooDeep.path ? `${field}.${tooDeep.path}` : field;
      throw new FlowloomError(
        ErrorCode.VALIDATION_FAILED,
        `${field} nests deeper than ${this.limits.maxJsonDepth} levels at ${path}`,
        { issues: [{ path, message: `Nested deeper than ${this.limits.maxJsonDepth} levels` }] },
      );
    }
    if (field === 'variables') {
      const reserved = Object.keys(value).find(isReservedId);
      if (reserved !== undefined) {
        throw new FlowloomError(
          ErrorCode.VALIDATION_FAILED,
          `Variable name "${reserved}" is reserved`,
          { issues: [{ path: `variables.${reserved}`, message: 'Reserved name' }] },
        );
      }
    }
  }

  /** Ends a run that was accepted but could not begin: a failed event, a failed instance. */
  private async failUnstartedRun(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    lastSeq: number,
    thrown: unknown,
  ): Promise<ExecutionStatus> {
    const error = {
      code: ErrorCode.INTERNAL_ERROR,
      message: `The run could not start: ${toFlowloomError(thrown).message}`,
    };
    const state = createRunState(instance.instance_id, plan.stepIds);
    const event: ExecutionEvent = {
      seq: lastSeq + 1,
      event_type: 'execution_failed',
      instance_id: instance.instance_id,
      timestamp: new Date().toISOString(),
      data: { duration_ms: 0, error },
    };
    applyEvent(state, event);
    try {
      await this.store.appendEvents([event]);
    } catch {
      // The instance record below still tells the outcome.
    }
    this.publish(event);
    try {
      await this.store.updateInstance(instance.instance_id, {
        status: 'failed',
        finished_at: state.finished_at,
        error,
      });
    } catch {
      // Nothing more can be done; the caller gets the failed status.
    }
    return toExecutionStatus(state, true);
  }

  /**
   * Continues a run that a process left unfinished (it stopped while the instance was
   * `running`): replays the run's stored events and goes on from there, without running finished
   * steps again. A run whose journal already ended only gets its instance record corrected.
   *
   * @remarks Call it for instances no live process is running, e.g. at start-up of the only
   * process, or from a queue worker that took the run over.
   * @throws FlowloomError `NOT_FOUND`, or `CONFLICT` when the instance is running here or its
   * record does not say `running`.
   */
  async resumeWorkflow(instanceId: string): Promise<StartedRun> {
    return this.claim(instanceId, async (instance) => {
      if (instance.status !== 'running') {
        throw new FlowloomError(
          ErrorCode.CONFLICT,
          `Instance "${instanceId}" has no interrupted run (status: ${instance.status})`,
        );
      }
      const events = await this.store.listEvents(instanceId);
      const runStart = events.findLastIndex((event) => event.event_type === 'execution_started');
      const journal = runStart === -1 ? [] : events.slice(runStart);
      const started = journal[0]?.event_type === 'execution_started' ? journal[0].data : undefined;
      const run = this.createRun(
        instance,
        this.plans.planFor(instance, this.limits),
        started?.input_data ?? instance.input_data ?? {},
        started?.variables ?? {},
        events.at(-1)?.seq ?? 0,
      );
      const ended = journal.some((event) => FINAL_EVENTS.has(event.event_type));
      const done = ended ? run.settleFrom(journal) : started ? run.resume(journal) : run.start();
      return { instance, run, done };
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
    // Claimed before the first await, so two calls racing for one instance can't both start it.
    if (this.runs.has(instanceId)) throw alreadyRunning(instanceId);
    if (this.runs.size >= this.limits.maxConcurrentRuns) {
      throw new FlowloomError(
        ErrorCode.TOO_MANY_RUNS,
        `${this.runs.size} runs are executing, the most this server runs at once; try again shortly`,
      );
    }
    this.runs.set(instanceId, 'starting');
    try {
      const instance = await this.store.getInstance(instanceId);
      if (!instance) {
        throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
      }
      const { run, done, instance: current } = await begin(instance);
      if (run) this.runs.set(instanceId, run);
      return { instance: current, done: done.finally(() => this.runs.delete(instanceId)) };
    } catch (error) {
      this.runs.delete(instanceId);
      throw error;
    }
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
    });
  }

  /**
   * Runs an instance and resolves with its final state when the run ends (completed, failed or
   * cancelled). A failed run resolves too: read `status` and `error`.
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
   * Stops a running instance: running steps see their AbortSignal abort and the run ends
   * `cancelled`. Resolves with the final state.
   *
   * @throws FlowloomError `CONFLICT` when the instance is not running here, `NOT_FOUND` when it
   * does not exist.
   */
  async stopWorkflow(instanceId: string, reason?: string): Promise<ExecutionStatus> {
    const run = this.runs.get(instanceId);
    if (run instanceof WorkflowRun) return run.cancel(reason);
    if (run === 'starting') {
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" is still starting; try again`,
      );
    }
    const instance = await this.store.getInstance(instanceId);
    if (!instance)
      throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" is not running (status: ${instance.status})`,
    );
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

  /** Stops every run and waits for them to end. */
  async close(): Promise<void> {
    const runs = [...this.runs.values()].filter(
      (run): run is WorkflowRun => run instanceof WorkflowRun,
    );
    await Promise.all(runs.map((run) => run.cancel('The engine is shutting down')));
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

const FINAL_EVENTS: ReadonlySet<string> = new Set([
  'execution_completed',
  'execution_failed',
  'execution_cancelled',
]);

function alreadyRunning(instanceId: string): FlowloomError {
  return new FlowloomError(ErrorCode.CONFLICT, `Instance "${instanceId}" is already running`);
}

/** A listener that throws must not break the run or the other listeners: it is reported. */
function callSafely(notify: () => unknown): void {
  try {
    notify();
  } catch (error) {
    console.error('[flowloom] An execution event listener threw:', error);
  }
}
