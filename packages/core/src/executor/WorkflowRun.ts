import type { CredentialResolver, RunOwner } from '../credentials/credentialReference';
import { ErrorCode } from '../errors/errorCodes';
import { CancelledError, toFlowloomError } from '../errors/FlowloomError';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { ExecutionPlan, PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { LogLevel } from '../schema/logEntry';
import type { ErrorInfo } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import { checkStepData } from './checkStepData';
import { EventJournal } from './EventJournal';
import type { SecretSource } from './resolveSecrets';
import { createRunState, type RunState } from './runState';
import { runStep, type StepRunHost } from './runStep';
import { SecretRedactor } from './SecretRedactor';
import { StepScheduler } from './StepScheduler';
import type { StepOutcome } from './stepOutcome';
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
}

/** The longest log message kept whole; longer ones are cut. */
const MAX_LOG_MESSAGE_CHARS = 10_000;

type FinalStatus = 'completed' | 'failed' | 'cancelled';

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
  /** `seq` of each log line the run keeps in the store, oldest first. */
  private logSeqs: number[] = [];
  /** `seq` of the notice that lines were dropped, once written. */
  private logNoticeSeq: number | undefined;
  /** The log trims in flight, one after another. */
  private logTrim: Promise<void> = Promise.resolve();
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
        redact: (data) => redactor.redact(data),
        ...(options.journalRetryDelaysMs ? { retryDelaysMs: options.journalRetryDelaysMs } : {}),
      },
    );
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
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
      this.journal.append('execution_started', {
        input_data,
        variables,
        total_steps: plan.steps.length,
      });
      this.useStateScope();
      for (const step of plan.steps) {
        if (!step.reachable) this.skip(step.index, 'unreachable');
        else if (step.isEntry) this.scheduler.enqueue(step.index);
      }
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
   * events, `execution_started` first). Finished steps are not run again; steps that were running
   * are run again from their first attempt.
   */
  resume(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    this.startedAt = performance.now();
    this.guarded(() => this.replayAndContinue(journal));
    return this.done;
  }

  private replayAndContinue(journal: readonly ExecutionEvent[]): void {
    const { plan } = this.options;
    for (const event of journal) applyEvent(this.state, event);
    this.useStateScope();
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
    this.journal.append('step_retrying', { attempt, delay_ms, error }, step.id);
  }

  deliveredSourceIds(stepIndex: number): string[] {
    return this.scheduler
      .deliveredSources(stepIndex)
      .map((source) => this.options.plan.steps[source]!.id);
  }

  log(stepId: string, level: LogLevel, message: string, data: unknown): void {
    if (this.ended) return;
    const text =
      message.length > MAX_LOG_MESSAGE_CHARS
        ? `${message.slice(0, MAX_LOG_MESSAGE_CHARS)}… (${message.length - MAX_LOG_MESSAGE_CHARS} more characters cut)`
        : message;
    let bytes = text.length;
    let detail = data;
    if (data !== undefined) {
      const checked = checkStepData(data, undefined, this.limits);
      if (checked.ok) bytes += checked.bytes;
      else detail = `[log data dropped: ${checked.failure.message}]`;
    }
    const event = this.journal.append(
      'log',
      detail === undefined ? { level, message: text } : { level, message: text, data: detail },
      stepId,
      bytes,
    );
    if (event) this.countLogLine(event.seq);
    this.checkEventBudget();
  }

  /**
   * Keeps the run's log table to `limits.maxLogLinesPerRun` lines: past it, one notice, then
   * the oldest lines are dropped in batches once they are stored. Events stay: they are the
   * journal a resume replays and the WebSocket's history.
   */
  private countLogLine(seq: number): void {
    const cap = this.limits.maxLogLinesPerRun;
    this.logSeqs.push(seq);
    if (this.logSeqs.length <= cap) return;
    if (this.logNoticeSeq === undefined) {
      this.logNoticeSeq = this.journal.append('log', {
        level: 'warn',
        message: `This run wrote more than ${cap} log lines: its oldest lines are dropped from the log`,
      })?.seq;
    }
    if (this.logSeqs.length - cap >= Math.min(1_000, Math.ceil(cap / 10))) this.trimLog();
  }

  /** Drops the log lines past the cap from the store, after they were stored. */
  private trimLog(): void {
    const excess = this.logSeqs.length - this.limits.maxLogLinesPerRun;
    if (excess <= 0) return;
    const beforeSeq = this.logSeqs[excess]!;
    this.logSeqs = this.logSeqs.slice(excess);
    const keepSeq = this.logNoticeSeq;
    this.logTrim = this.logTrim
      .then(() => this.journal.flush())
      .then(() => this.options.store.trimLogs(this.instanceId, beforeSeq, keepSeq))
      // The log table is a convenience copy of the journal: a failed trim loses nothing.
      .catch(() => {});
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
    while (!this.ended && this.running < concurrency) {
      const next = this.scheduler.next();
      if (next === undefined) break;
      if (this.isFinished(next)) continue;
      this.running += 1;
      runStep(this, plan.steps[next]!)
        .then((outcome) => this.onStepEnded(next, outcome))
        .catch((thrown) => this.end('failed', internalError(thrown)));
    }
    if (!this.ended && this.running === 0 && !this.scheduler.hasReady()) this.end('completed');
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
    let followed: readonly string[];
    if (outcome.kind === 'completed') {
      this.journal.append(
        'step_completed',
        {
          output_data: outcome.output_data,
          output_handles: outcome.output_handles,
          duration_ms: outcome.duration_ms,
          attempts: outcome.attempts,
          ...(outcome.set_variables ? { set_variables: outcome.set_variables } : {}),
        },
        step.id,
        outcome.output_bytes,
      );
      followed = outcome.output_handles;
    } else {
      const errorHandle = step.component.errorHandle;
      const handled = errorHandle !== undefined && step.connectedHandles.has(errorHandle);
      followed = handled ? [errorHandle] : [];
      this.journal.append(
        'step_failed',
        {
          error: outcome.error,
          attempts: outcome.attempts,
          duration_ms: outcome.duration_ms,
          output_handles: [...followed],
          // The error branch reads what went wrong as {{ steps.<id>.error.message }}.
          ...(handled
            ? { output_data: { ...asObject(outcome.output_data), error: outcome.error } }
            : {}),
        },
        step.id,
      );
      if (!handled) {
        this.end('failed', { ...outcome.error, step_id: step.id });
        return;
      }
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
    const status = this.state.steps[this.stepId(stepIndex)]!.status;
    return status === 'completed' || status === 'failed' || status === 'skipped';
  }

  private stepId(stepIndex: number): string {
    return this.options.plan.steps[stepIndex]!.id;
  }

  private skip(stepIndex: number, reason: 'unreachable'): void {
    this.journal.append('step_skipped', { reason }, this.stepId(stepIndex));
  }

  private end(status: FinalStatus, error?: ErrorInfo): void {
    if (this.ended) return;
    this.ended = true;
    const duration_ms = Math.round(performance.now() - this.startedAt);
    if (status !== 'completed') {
      this.controller.abort(new CancelledError(error?.message));
      this.failRunningSteps(status);
    }
    if (status === 'completed') {
      this.journal.append('execution_completed', {
        duration_ms,
        progress: { completed: this.state.finishedSteps, total: this.options.plan.steps.length },
      });
    } else if (status === 'failed') {
      this.journal.append('execution_failed', { duration_ms, error: error! });
    } else {
      this.journal.append('execution_cancelled', {
        duration_ms,
        reason: error?.message ?? 'Stopped',
      });
    }
    this.journal.close();
    void this.finish();
  }

  /** Steps still running when the run ends are failed, so none stays "running" for ever. */
  private failRunningSteps(status: FinalStatus): void {
    const message =
      status === 'cancelled'
        ? 'The run was stopped while this step was running'
        : 'The run failed while this step was running';
    for (const [id, step] of Object.entries(this.state.steps)) {
      if (step.status !== 'running') continue;
      this.journal.append(
        'step_failed',
        {
          error: { code: ErrorCode.CANCELLED, message },
          attempts: step.attempts,
          duration_ms: 0,
          output_handles: [],
        },
        id,
      );
    }
  }

  private async finish(): Promise<void> {
    try {
      await this.journal.flush();
    } catch {
      // The journal write failed; the instance record below still tells the outcome.
    }
    this.trimLog();
    await this.logTrim;
    try {
      await this.options.store.updateInstance(this.instanceId, {
        status: this.state.status,
        finished_at: this.state.finished_at,
        error: this.state.error,
      });
    } catch {
      // Nothing more to do: the run's events and its result below are what remain.
    }
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

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
