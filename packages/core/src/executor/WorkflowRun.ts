import type { CredentialResolver, RunOwner } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { CancelledError, toFlowloomError } from '../errors/FlowloomError';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { ExecutionPlan, PlanStep } from '../graph/executionPlan';
import { measureJsonBytes } from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { LogLevel } from '../schema/logEntry';
import type { ErrorInfo, StepStatus } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import { createStepControl, type RunControl } from './createStepControl';
import { EventJournal } from './EventJournal';
import { type EndStatus, journalRunEnd } from './journalRunEnd';
import { journalStepOutcome } from './journalStepOutcome';
import { RunLog } from './RunLog';
import { RunWaits } from './RunWaits';
import { recordRunEnd } from './recordRunEnd';
import type { SecretSource } from './resolveSecrets';
import { createRunState, type RunState } from './runState';
import { runStep, type StepRunHost } from './runStep';
import { SecretRedactor } from './SecretRedactor';
import { StepScheduler } from './StepScheduler';
import type { StepControl } from './stepControl';
import type { StepOutcome } from './stepOutcome';
import { stepsToRetry } from './stepsToRetry';
import { type ResumeRequest, stepsToWake } from './stepsToWake';
import { toExecutionStatus } from './toExecutionStatus';

/** What a {@link WorkflowRun} is made from. */
export interface WorkflowRunOptions {
  instance: WorkflowInstance;
  plan: ExecutionPlan;
  store: WorkflowStore;
  /** Steps running at once, at most. */
  concurrency: number;
  input_data: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** The last `seq` already stored for the instance (earlier runs). */
  lastSeq: number;
  /** Called with each event once it is stored. */
  publish: (event: ExecutionEvent) => void;
  limits: WorkflowLimits;
  /** The guarded fetch its steps get. */
  fetch: StepFetch;
  sandbox: CodeSandbox | undefined;
  credentials: CredentialResolver | undefined;
  /** Waits before each retry of a failed journal write. */
  journalRetryDelaysMs?: readonly number[];
  /** The engine's clock and the run's sub-workflows, for its steps' control ports. */
  control: RunControl;
}

/**
 * One run of one instance: the orchestrator. It starts ready steps up to the concurrency
 * limit, turns each step's outcome into events (journaled before dependants start), lets the
 * scheduler pick what runs next, and ends the run once nothing is running or ready, a step
 * fails with no error branch, or it is stopped.
 */
export class WorkflowRun implements StepRunHost {
  /** The run's state, changed only by events through the journal. */
  readonly state: RunState;
  /** Settles with the final state once the run has ended and its journal is stored. */
  readonly done: Promise<ExecutionStatus>;
  readonly workflowId: string;
  readonly instanceId: string;
  readonly runInput: Record<string, unknown>;
  readonly limits: WorkflowLimits;
  readonly fetch: StepFetch;
  readonly sandbox: CodeSandbox | undefined;
  readonly secrets: SecretSource;
  scope!: ExpressionScope;

  private readonly journal: EventJournal;
  private readonly scheduler: StepScheduler;
  private readonly controller = new AbortController();
  private running = 0;
  /** Whether each step's outgoing edges were handed to the scheduler. */
  private readonly resolved: Uint8Array;
  private ended = false;
  /** Why the run is draining: set by `drain()`, it starts no new step and ends `interrupted`. */
  private drainReason: string | undefined;
  private readonly runLog: RunLog;
  /** Timers and early wakes of the steps that wait while other branches run. */
  private readonly waits: RunWaits;
  private startedAt = 0;
  private settle!: (status: ExecutionStatus) => void;

  constructor(private readonly options: WorkflowRunOptions) {
    const { instance, plan } = options;
    this.workflowId = instance.workflow_id ?? instance.instance_id;
    this.instanceId = instance.instance_id;
    this.runInput = options.input_data;
    this.limits = options.limits;
    this.fetch = options.fetch;
    this.sandbox = options.sandbox;
    const owner: RunOwner = {
      created_by: instance.created_by,
      tenant_id: (instance as { tenant_id?: string | null }).tenant_id ?? null,
    };
    const redactor = new SecretRedactor();
    this.secrets = { credentials: options.credentials, owner, redactor };
    this.state = createRunState(instance.instance_id, plan.stepIds);
    this.scheduler = new StepScheduler(plan);
    this.resolved = new Uint8Array(plan.steps.length);
    this.journal = new EventJournal(
      instance.instance_id,
      options.lastSeq,
      options.store,
      (event) => applyEvent(this.state, event),
      options.publish,
      {
        redact: (data) => redactor.redactEventData(data),
        ...(options.journalRetryDelaysMs ? { retryDelaysMs: options.journalRetryDelaysMs } : {}),
      },
    );
    this.runLog = new RunLog(this.journal, options.store, this.instanceId, this.limits);
    this.waits = new RunWaits(options.control.now, (stepId) => this.wakeStep(stepId));
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** Whether the run has ended (its end may still be being stored: see `done`). */
  get isEnded(): boolean {
    return this.ended;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get outputs(): Record<string, unknown> {
    return this.state.outputs;
  }

  get variables(): Record<string, unknown> {
    return this.state.variables;
  }

  /** Starts the run; returns `done`. */
  start(): Promise<ExecutionStatus> {
    const { plan, input_data, variables } = this.options;
    this.startedAt = performance.now();
    this.guarded(() => {
      // The run's input counts against its event budget like anything else it records.
      const budget = this.limits.maxRunEventBytes;
      const inputBytes = measureJsonBytes({ input_data, variables }, budget) ?? budget + 1;
      this.journal.append(
        'execution_started',
        { input_data, variables, total_steps: plan.steps.length },
        undefined,
        inputBytes,
      );
      this.useStateScope();
      for (const step of plan.steps) {
        if (!step.reachable) this.skip(step.index, 'unreachable');
        else if (step.isEntry) this.scheduler.enqueue(step.index);
      }
      this.checkEventBudget();
      this.pump();
    });
    return this.done;
  }

  /** Runs part of the run's own bookkeeping; a bug there ends the run failed, never stuck. */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (thrown) {
      this.end('failed', internalError(thrown));
    }
  }

  /**
   * Continues a run that a previous process left unfinished, from its journal (the run's
   * events, `execution_started` first): `execution_resumed` is appended, finished steps are not
   * run again, and a step that was in flight runs its abandoned attempt again (same attempt
   * number, same `idempotency_key`).
   */
  resume(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    this.startedAt = performance.now();
    this.guarded(() => {
      this.replay(journal);
      const inFlight = Object.keys(this.state.steps).filter(
        (id) => this.state.steps[id]!.status === 'running',
      );
      this.journal.append('execution_resumed', { step_ids: inFlight });
      this.wakeDueSteps();
      this.continueFromState();
    });
    return this.done;
  }

  /**
   * Continues a `waiting` run whose journal was replayed (`replay`): `execution_resumed`, then
   * `step_resumed` for each step that wakes (the one `request` names, those whose time came,
   * those waiting for their sub-workflows); the others wait on.
   */
  wake(request?: ResumeRequest): Promise<ExecutionStatus> {
    this.startedAt = performance.now();
    this.guarded(() => {
      this.journal.append('execution_resumed', { step_ids: [] });
      this.wakeDueSteps(request);
      this.continueFromState();
    });
    return this.done;
  }

  private wakeDueSteps(request?: ResumeRequest): void {
    for (const woken of stepsToWake(this.state, this.options.control.now(), request)) {
      this.journal.append(
        'step_resumed',
        'data' in woken ? { data: woken.data ?? null } : {},
        woken.step_id,
      );
    }
  }

  /**
   * Wakes a waiting step of this live run (a resume request with its `data`, or a timer or a
   * sub-workflow's end without); a step still running wakes as soon as it begins to wait.
   * `false` when the run has ended or the step neither waits (for a request: a resume) nor runs.
   */
  wakeStep(stepId: string, request?: { data: unknown }): boolean {
    const index = this.options.plan.indexById.get(stepId);
    const step = this.state.steps[stepId];
    if (this.ended || index === undefined || !step) return false;
    if (step.status === 'running' && !request) {
      this.waits.defer(stepId);
      return true;
    }
    if (step.status !== 'waiting' || (request && !step.wait?.resume)) return false;
    this.waits.settle(stepId);
    this.journal.append('step_resumed', request ? { data: request.data ?? null } : {}, stepId);
    this.scheduler.enqueue(index);
    this.guarded(() => this.pump());
    return true;
  }

  /**
   * Runs a failed or cancelled run again from where it stopped: replays its journal, appends
   * `execution_retried` for its failed steps and everything finished downstream of them (they
   * become pending, their attempt numbers continue), then goes on as a resume does, reusing
   * the outputs of the steps that completed.
   */
  retry(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    this.startedAt = performance.now();
    this.guarded(() => {
      this.replay(journal);
      const stepIds = stepsToRetry(this.options.plan, this.state);
      this.journal.append('execution_retried', { step_ids: stepIds });
      this.continueFromState();
    });
    return this.done;
  }

  /**
   * Cancels a run no process is running (interrupted, or left `running` by a killed process):
   * replays its journal, then ends it as `cancel` does, with its in-flight steps failed.
   */
  cancelFrom(journal: readonly ExecutionEvent[], reason: string): Promise<ExecutionStatus> {
    this.startedAt = performance.now();
    this.guarded(() => {
      this.replay(journal);
      this.end('cancelled', { code: ErrorCode.CANCELLED, message: reason });
    });
    return this.done;
  }

  /** Rebuilds the run's state from its journal (its events, `execution_started` first). */
  replay(journal: readonly ExecutionEvent[]): void {
    for (const event of journal) applyEvent(this.state, event);
    this.useStateScope();
  }

  /** Hands the replayed state's finished steps to the scheduler and goes on from there. */
  private continueFromState(): void {
    const { plan } = this.options;
    let unhandled: ErrorInfo | undefined;
    for (const step of plan.steps) {
      const stepState = this.state.steps[step.id]!;
      if (stepState.status === 'completed' || stepState.status === 'skipped') {
        this.resolve(step.index, stepState.output_handles ?? []);
      } else if (stepState.status === 'failed') {
        const handles = stepState.output_handles ?? [];
        if (handles.length === 0) unhandled ??= { ...stepState.error!, step_id: step.id };
        this.resolve(step.index, handles);
      } else if (!step.reachable) {
        this.skip(step.index, 'unreachable');
      } else if (step.isEntry) {
        this.scheduler.enqueue(step.index);
      }
    }
    if (unhandled) this.end('failed', unhandled);
    else this.pump();
  }

  /**
   * For a journal that already ended: takes the final state from it and only brings the
   * instance record in line (the process stopped between the last event and that update).
   */
  settleFrom(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    for (const event of journal) applyEvent(this.state, event);
    this.ended = true;
    this.journal.close();
    void this.finish();
    return this.done;
  }

  /** Points expressions at the state's current output and variable objects. */
  private useStateScope(): void {
    // execution_started gives the state fresh objects: read those from now on.
    this.scope = {
      steps: this.state.outputs,
      input: this.state.input_data,
      vars: this.state.variables,
      stepIds: this.options.plan.stepIds,
    };
  }

  /** Stops the run: running steps see their signal abort, nothing new starts. */
  cancel(reason = 'Stopped by request'): Promise<ExecutionStatus> {
    this.end('cancelled', { code: ErrorCode.CANCELLED, message: reason });
    return this.done;
  }

  /**
   * Lets the run wind down for a shutdown: no new step starts, the running ones finish and
   * their outcomes are journaled as usual; then the run ends `interrupted` (or `completed`, when
   * nothing was left to run). Returns `done`.
   */
  drain(reason: string): Promise<ExecutionStatus> {
    if (this.drainReason === undefined) {
      this.drainReason = reason;
      this.guarded(() => this.pump());
    }
    return this.done;
  }

  /**
   * Ends the run `interrupted` at once: running steps see their signal abort and their attempt
   * is abandoned (run again on resume). Not final: a later process resumes the run.
   */
  interrupt(reason: string): Promise<ExecutionStatus> {
    this.end('interrupted', { code: ErrorCode.SHUTTING_DOWN, message: reason });
    return this.done;
  }

  attemptsOf(step: PlanStep): { first: number; base: number } {
    const stepState = this.state.steps[step.id]!;
    const base = this.state.attemptBase[step.id] ?? 0;
    // Found running: its attempt was in flight when the previous process stopped; run it again.
    const first =
      stepState.status === 'running'
        ? Math.max(stepState.attempts, base + 1)
        : stepState.attempts + 1;
    return { first, base };
  }

  stepStarted(
    step: PlanStep,
    attempt: number,
    input_data: Record<string, unknown>,
    inputBytes: number,
  ): void {
    this.journal.append('step_started', { attempt, input_data }, step.id, inputBytes);
    this.checkEventBudget();
  }

  stepRetrying(
    step: PlanStep,
    attempt: number,
    delay_ms: number,
    error: { code: string; message: string },
  ): void {
    this.journal.append(
      'step_retrying',
      { attempt, delay_ms, error },
      step.id,
      error.message.length,
    );
    this.checkEventBudget();
  }

  controlFor(stepIndex: number, idempotencyKey: string): StepControl {
    const step = this.options.plan.steps[stepIndex]!;
    return createStepControl(this.options.control, step, this.state, idempotencyKey);
  }

  deliveredSourceIds(stepIndex: number): string[] {
    return this.scheduler
      .deliveredSources(stepIndex)
      .map((source) => this.options.plan.steps[source]!.id);
  }

  log(stepId: string, level: LogLevel, message: string, data: unknown): void {
    if (this.ended) return;
    this.runLog.write(stepId, level, message, data);
    this.checkEventBudget();
  }

  /** Ends the run once its events pass `limits.maxRunEventBytes`. */
  private checkEventBudget(): void {
    if (this.ended || this.journal.bytes <= this.limits.maxRunEventBytes) return;
    this.end('failed', {
      code: ErrorCode.RUN_TOO_LARGE,
      message: `The run's events passed the limit of ${this.limits.maxRunEventBytes} bytes`,
    });
  }

  private pump(): void {
    const { plan, concurrency } = this.options;
    while (!this.ended && this.drainReason === undefined && this.running < concurrency) {
      const next = this.scheduler.next();
      if (next === undefined) break;
      // A step that still waits is run again only once it wakes (`wakeStep` queues it).
      if (this.isFinished(next) || this.stepStatus(next) === 'waiting') continue;
      this.running += 1;
      runStep(this, plan.steps[next]!)
        .then((outcome) => this.onStepEnded(next, outcome))
        .catch((thrown) => this.end('failed', internalError(thrown)));
    }
    if (this.ended || this.running > 0) return;
    // Ready steps left (draining), or an attempt abandoned to a shutdown: a resume goes on.
    if (this.scheduler.hasReady() || this.hasStepIn('running')) {
      const message = this.drainReason ?? 'The server shut down before the run ended';
      this.end('interrupted', { code: ErrorCode.SHUTTING_DOWN, message });
    } else if (this.hasStepIn('waiting')) this.end('waiting');
    else this.end('completed');
  }

  private hasStepIn(status: 'running' | 'waiting'): boolean {
    for (const id in this.state.steps) if (this.state.steps[id]!.status === status) return true;
    return false;
  }

  private async onStepEnded(stepIndex: number, outcome: StepOutcome): Promise<void> {
    // The step counts as running until its dependants are resolved: otherwise another step
    // ending meanwhile could see nothing running or ready and end the run too early.
    try {
      if (!this.ended && outcome.kind !== 'abandoned') await this.recordOutcome(stepIndex, outcome);
    } finally {
      this.running -= 1;
    }
    this.pump();
  }

  private async recordOutcome(
    stepIndex: number,
    outcome: Exclude<StepOutcome, { kind: 'abandoned' }>,
  ): Promise<void> {
    const step = this.options.plan.steps[stepIndex]!;
    if (outcome.kind === 'waiting') {
      const { wake_at, resume } = outcome;
      this.journal.append('step_waiting', wake_at ? { wake_at, resume } : { resume }, step.id);
      // A wake that came while it ran (its sub-workflow just ended) wakes it at once.
      if (this.waits.begin(step.id, wake_at)) this.wakeStep(step.id);
      this.checkEventBudget();
      return;
    }
    this.waits.settle(step.id);
    const { followed, unhandled } = journalStepOutcome(this.journal, step, outcome);
    if (unhandled) {
      this.end('failed', unhandled);
      return;
    }
    this.checkEventBudget();
    if (this.ended) return;
    try {
      // Durability: a step's outcome is stored before anything that depends on it starts.
      await this.journal.flush();
    } catch (thrown) {
      this.end('failed', {
        code: ErrorCode.STORE_ERROR,
        message: `The run journal could not be stored: ${toFlowloomError(thrown).message}`,
      });
      return;
    }
    if (this.ended) return;
    this.resolve(stepIndex, followed);
  }

  /** Hands a finished step's handles to the scheduler and skips whatever can no longer run. */
  private resolve(stepIndex: number, followed: readonly string[]): void {
    if (this.resolved[stepIndex] === 1) return;
    this.resolved[stepIndex] = 1;
    const toSkip = this.scheduler.resolve(stepIndex, followed);
    // A loop, not recursion: a skip can flow down a chain of thousands of steps.
    while (toSkip.length > 0) {
      const skipped = toSkip.pop()!;
      if (this.resolved[skipped] === 1) continue;
      this.resolved[skipped] = 1;
      // On resume the journal may already hold the skip.
      if (!this.isFinished(skipped)) {
        this.journal.append('step_skipped', { reason: 'branch_not_taken' }, this.stepId(skipped));
      }
      toSkip.push(...this.scheduler.resolve(skipped, []));
    }
  }

  private isFinished(stepIndex: number): boolean {
    const status = this.stepStatus(stepIndex);
    return status === 'completed' || status === 'failed' || status === 'skipped';
  }

  private stepStatus(stepIndex: number): StepStatus {
    return this.state.steps[this.stepId(stepIndex)]!.status;
  }

  private stepId(stepIndex: number): string {
    return this.options.plan.steps[stepIndex]!.id;
  }

  private skip(stepIndex: number, reason: 'unreachable'): void {
    this.journal.append('step_skipped', { reason }, this.stepId(stepIndex));
  }

  private end(status: EndStatus, error?: ErrorInfo): void {
    if (this.ended) return;
    this.ended = true;
    this.waits.stop();
    const duration_ms = Math.round(performance.now() - this.startedAt);
    if (status !== 'completed' && status !== 'waiting') {
      // An interrupted run's in-flight steps stay running: a resume runs their attempt again.
      this.controller.abort(new CancelledError(error?.message));
    }
    const total = this.options.plan.steps.length;
    journalRunEnd(this.journal, this.state, total, status, error, duration_ms);
    this.journal.close();
    void this.finish();
  }

  private async finish(): Promise<void> {
    try {
      await this.journal.flush();
    } catch {
      // The journal write failed; the instance record below still tells the outcome.
    }
    this.runLog.trim();
    await this.runLog.settled();
    const { status } = this.state;
    if (this.journal.failed && (status === 'completed' || status === 'waiting')) {
      // Its last events never reached the store: the run can't count as done (or as waiting
      // for a wake its journal does not hold). Told here, the record and the caller agree with
      // what a later reader rebuilds from the store.
      this.state.status = 'failed';
      this.state.error = {
        code: ErrorCode.STORE_ERROR,
        message: 'The run finished, but its last events could not be stored',
      };
    }
    const total = this.options.plan.steps.length;
    await recordRunEnd(this.options.store, this.instanceId, this.state, total);
    this.settle(toExecutionStatus(this.state, true));
  }
}

function internalError(thrown: unknown, context?: string): ErrorInfo {
  const error = toFlowloomError(thrown);
  return {
    code: ErrorCode.INTERNAL_ERROR,
    message: context ? `${context}: ${error.message}` : error.message,
  };
}
