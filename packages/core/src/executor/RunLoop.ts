import { ErrorCode } from '../errors/errorCodes';
import { CancelledError, toFlowloomError } from '../errors/FlowloomError';
import type { ExpressionScope } from '../expressions/evaluatePath';
import type { ExecutionPlan, PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { LogLevel } from '../schema/logEntry';
import type { ErrorInfo } from '../schema/status';
import { applyEvent } from './applyEvent';
import { EventJournal } from './EventJournal';
import { internalError } from './engineErrors';
import { finishRun } from './finishRun';
import { type EndStatus, journalRunEnd } from './journalRunEnd';
import { journalStepOutcome } from './journalStepOutcome';
import { launchStep, type StepLaunchHost } from './launchStep';
import { RunClock } from './RunClock';
import { RunLog } from './RunLog';
import { RunTrace } from './RunTrace';
import { RunWaits } from './RunWaits';
import type { SecretSource } from './resolveSecrets';
import { resolveWithSkips } from './resolveWithSkips';
import { runSecretsOf } from './runSecrets';
import { createRunState, type RunState, statusAt } from './runState';
import { StepScheduler } from './StepScheduler';
import type { StepControl } from './stepControl';
import type { StepFailure } from './stepFailure';
import type { StepOutcome, WaitingOutcome } from './stepOutcome';
import { toExecutionStatus } from './toExecutionStatus';
import type { RunDefaults, RunOptions } from './workflowRunOptions';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * The loop of one run, under its lifecycle (`WorkflowRun`): it starts ready steps up to the
 * concurrency limit, turns each step's outcome into events (stored before dependants start),
 * lets the scheduler pick what runs next, yields to the event loop every `yieldAfterMs`, and
 * ends the run once nothing is running or ready, a step fails with no error branch, or it is
 * stopped.
 *
 * @remarks A step of the one-hop path costs one promise callback (none when its component
 * returns a plain result); with a store that writes synchronously, its outcome is stored and
 * published in that same callback. Steps finishing synchronously go back to the loop, never
 * recurse, so no chain can grow the stack.
 */
export abstract class RunLoop implements StepLaunchHost {
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
  /** The run's OpenTelemetry spans; `undefined` when no SDK records them (the usual case). */
  readonly tracing: RunTrace | undefined;
  scope!: ExpressionScope;

  protected readonly plan: ExecutionPlan;
  protected readonly journal: EventJournal;
  protected readonly scheduler: StepScheduler;
  protected readonly clock = new RunClock();
  protected readonly runLog: RunLog;
  /** Timers and early wakes of the steps that wait while other branches run. */
  protected readonly waits: RunWaits;
  protected ended = false;
  /** Why the run is draining: set by `drain()`, it starts no new step and ends `interrupted`. */
  protected drainReason: string | undefined;
  /** When the run's current part began (a clock reading), for its duration. */
  protected startedAt = 0;
  /**
   * When the current time slice began (a clock reading): the run's making, at first, so the
   * setup of a large run counts against its first slice.
   */
  protected sliceStart: number;
  /** Made when a step first reads its signal, or when the run aborts. */
  private controller: AbortController | undefined;
  private abortReason: unknown;
  /** Set once the run ended other than completed or waiting: running steps are abandoned. */
  private abortedRun = false;
  /** Steps started and not yet resolved. */
  private running = 0;
  /** Whether each step's outgoing edges were handed to the scheduler. */
  private readonly resolved: Uint8Array;
  /** The clock reading each step started at (one-hop path). */
  private readonly startReadings: Float64Array;
  /** Inside `pump` (steps finishing synchronously go back to its loop). */
  private pumping = false;
  /** A yield is scheduled: `pump` goes on after it. */
  private yielding = false;
  /** A reading taken in the current synchronous stretch, for the next step to start with. */
  private reading: number | undefined;
  private settle!: (status: ExecutionStatus) => void;

  /**
   * @param defaults - what every run of the engine shares.
   * @param options - this run's own.
   */
  constructor(
    protected readonly defaults: RunDefaults,
    protected readonly options: RunOptions,
  ) {
    this.sliceStart = this.clock.now();
    const { instance, plan } = options;
    this.plan = plan;
    this.workflowId = instance.workflow_id ?? instance.instance_id;
    this.instanceId = instance.instance_id;
    this.runInput = options.input_data;
    this.limits = defaults.limits;
    this.fetch = defaults.fetch;
    this.sandbox = defaults.sandbox;
    const { secrets, redact } = runSecretsOf(defaults.credentials, instance);
    this.secrets = secrets;
    this.state = createRunState(instance.instance_id, plan.stepIndex);
    this.scheduler = new StepScheduler(plan);
    this.resolved = new Uint8Array(plan.steps.length);
    this.startReadings = new Float64Array(plan.steps.length);
    const tracing = RunTrace.begin(instance, plan, this.sliceStart);
    this.tracing = tracing;
    this.journal = new EventJournal(
      instance.instance_id,
      options.lastSeq,
      defaults.store,
      // Traced runs follow their journal; the others pay nothing per event.
      tracing === undefined
        ? (event) => applyEvent(this.state, event)
        : (event) => {
            applyEvent(this.state, event);
            tracing.onEvent(event);
          },
      defaults.publish,
      {
        redact,
        retryDelaysMs: defaults.journalRetryDelaysMs,
        now: () => this.clock.iso(this.clock.now()),
      },
    );
    this.runLog = new RunLog(this.journal, defaults.store, this.instanceId, this.limits);
    this.waits = new RunWaits(options.control.now, (stepId) => this.wakeStep(stepId));
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
    // However the run ends (finished, or abandoned to another process), its span ends with it.
    if (tracing) void this.done.then(() => tracing.end(this.state));
  }

  /** Wakes a waiting step of this live run (see `WorkflowRun.wakeStep`). */
  abstract wakeStep(stepId: string, request?: { data: unknown }): boolean;
  abstract attemptsOf(step: PlanStep): { first: number; base: number };
  abstract firstAttemptOf(step: PlanStep): number;
  abstract stepStarted(
    step: PlanStep,
    attempt: number,
    input_data: Record<string, unknown>,
    inputBytes: number,
    reading?: number,
  ): void;
  abstract stepRetrying(
    step: PlanStep,
    attempt: number,
    delay_ms: number,
    error: StepFailure,
  ): void;
  abstract controlFor(stepIndex: number, idempotencyKey: string): StepControl;
  abstract deliveredSourceIds(stepIndex: number): string[];
  abstract log(stepId: string, level: LogLevel, message: string, data: unknown): void;
  abstract get outputs(): Record<string, unknown>;
  /** Ends the run once its events pass `limits.maxRunEventBytes`. */
  protected abstract checkEventBudget(): void;
  /** A disabled step: skipped, passing its input on. */
  protected abstract passThrough(step: PlanStep): void;
  /** A step that waits (its own timer, a resume, a sub-workflow): journaled, its wait begun. */
  protected abstract stepWaits(step: PlanStep, outcome: WaitingOutcome): void;
  abstract get variables(): Record<string, unknown>;

  /** Whether the run has ended (its end may still be being stored: see `done`). */
  get isEnded(): boolean {
    return this.ended;
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.abortedRun && !this.controller.signal.aborted) {
      this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  /** Whether the run ended while steps ran (failed, stopped, interrupted): they are abandoned. */
  get aborted(): boolean {
    return this.abortedRun;
  }

  /** How a step ended, from `launchStep`: journaled, stored, then its dependants go on. */
  stepEnded(stepIndex: number, outcome: StepOutcome, measured: boolean): void {
    const now = this.clock.now();
    // The next step started in this stretch starts with this reading: one read per step end.
    this.reading = now;
    if (this.ended || outcome.kind === 'abandoned') {
      this.stepDone();
      return;
    }
    const step = this.plan.steps[stepIndex]!;
    if (outcome.kind === 'waiting') {
      this.stepWaits(step, outcome);
      this.stepDone();
      return;
    }
    this.waits.settle(step.id);
    if (measured) {
      outcome.duration_ms = Math.round((now - this.startReadings[stepIndex]!) * 1000) / 1000;
    }
    const at = measured ? this.clock.iso(now) : undefined;
    const followed = journalStepOutcome(this.journal, step, outcome, at);
    if (!Array.isArray(followed)) {
      this.end('failed', (followed as { unhandled: ErrorInfo }).unhandled);
      this.stepDone();
      return;
    }
    this.checkEventBudget();
    this.resolveWhenStored(stepIndex, followed);
  }

  runBroke(thrown: unknown): void {
    this.end('failed', internalError(thrown));
    this.stepDone();
  }

  /** Runs part of the run's own bookkeeping; a bug there ends the run failed, never stuck. */
  protected guarded(work: () => void): void {
    try {
      work();
    } catch (thrown) {
      this.end('failed', internalError(thrown));
    }
  }

  /**
   * Starts ready steps up to the concurrency limit, in a loop that steps finishing at once
   * return to; yields to the event loop once the current slice is `yieldAfterMs` old; ends the
   * run once nothing is running or ready.
   */
  protected pump(): void {
    if (this.pumping || this.yielding) return;
    this.pumping = true;
    this.journal.hold();
    try {
      const { concurrency, yieldAfterMs } = this.defaults;
      while (!this.ended && this.drainReason === undefined && this.running < concurrency) {
        if (!this.scheduler.hasReady()) break;
        let now = this.reading;
        if (now === undefined) {
          now = this.clock.now();
          this.reading = now;
        }
        if (now - this.sliceStart >= yieldAfterMs) {
          this.yielding = true;
          yieldToEventLoop(this.resumeAfterYield);
          return;
        }
        const next = this.scheduler.next()!;
        // A step that still waits is run again only once it wakes (`wakeStep` queues it).
        if (this.isFinished(next) || statusAt(this.state, next) === 'waiting') continue;
        this.running += 1;
        const step = this.plan.steps[next]!;
        if (step.disabled) this.passThrough(step);
        else {
          this.startReadings[next] = now;
          launchStep(this, step, now);
        }
      }
    } catch (thrown) {
      this.end('failed', internalError(thrown));
    } finally {
      this.reading = undefined;
      this.pumping = false;
      this.journal.release();
    }
    if (this.ended || this.running > 0 || this.yielding) return;
    // Ready steps left (draining), or an attempt abandoned to a shutdown: a resume goes on.
    if (this.scheduler.hasReady() || this.state.runningSteps > 0) {
      const message = this.drainReason ?? 'The server shut down before the run ended';
      this.end('interrupted', { code: ErrorCode.SHUTTING_DOWN, message });
    } else if (this.state.waitingSteps > 0) this.end('waiting');
    else this.end('completed');
  }

  private readonly resumeAfterYield = (): void => {
    this.yielding = false;
    this.reading = undefined;
    this.clock.calibrate();
    this.sliceStart = this.clock.now();
    this.pump();
  };

  /** A step finished (or was abandoned): it no longer counts as running. */
  private stepDone(): void {
    this.running -= 1;
    this.pump();
  }

  /**
   * Resolves a finished step's handles once its outcome is stored: at once when the store wrote
   * it synchronously, else after the journal's write. The step counts as running until then,
   * so another step ending meanwhile can't see nothing running or ready and end the run early.
   */
  protected resolveWhenStored(stepIndex: number, followed: readonly string[]): void {
    if (this.ended) {
      this.stepDone();
      return;
    }
    if (this.journal.commit()) {
      this.resolve(stepIndex, followed);
      this.stepDone();
      return;
    }
    // Read again when the write is done: this stretch's reading will be stale by then.
    this.reading = undefined;
    this.journal.flush().then(
      () => {
        if (!this.ended) this.guarded(() => this.resolve(stepIndex, followed));
        this.stepDone();
      },
      (thrown) => {
        this.end('failed', {
          code: ErrorCode.STORE_ERROR,
          message: `The run journal could not be stored: ${toFlowloomError(thrown).message}`,
        });
        this.stepDone();
      },
    );
  }

  /** Hands a finished step's handles to the scheduler and skips whatever can no longer run. */
  protected resolve(stepIndex: number, followed: readonly string[]): void {
    resolveWithSkips(this.scheduler, this.resolved, stepIndex, followed, this.skipUnreachable);
  }

  /** A step no branch taken leads to; on resume the journal may already hold its skip. */
  private readonly skipUnreachable = (stepIndex: number): void => {
    if (this.isFinished(stepIndex)) return;
    this.journal.append('step_skipped', { reason: 'branch_not_taken' }, this.stepId(stepIndex));
  };

  protected isFinished(stepIndex: number): boolean {
    const status = statusAt(this.state, stepIndex);
    return status === 'completed' || status === 'failed' || status === 'skipped';
  }

  private stepId(stepIndex: number): string {
    return this.plan.steps[stepIndex]!.id;
  }

  protected end(status: EndStatus, error?: ErrorInfo): void {
    if (this.ended) return;
    this.ended = true;
    this.waits.stop();
    const duration_ms = Math.round(this.clock.now() - this.startedAt);
    if (status !== 'completed' && status !== 'waiting') {
      // An interrupted run's in-flight steps stay running: a resume runs their attempt again.
      this.abortedRun = true;
      this.abortReason = new CancelledError(error?.message);
      this.controller?.abort(this.abortReason);
    }
    journalRunEnd(this.journal, this.state, this.plan.steps.length, status, error, duration_ms);
    this.journal.close();
    void this.finish();
  }

  /**
   * Stops the run here without an end in its journal: its lease went to another process, which
   * goes on from the journal. Running steps see their signal abort, nothing new starts, and
   * events not stored yet are dropped (the new owner numbers its own after what the store
   * holds). `done` settles with the state as it stands: the instance record is left alone.
   */
  abandon(): Promise<ExecutionStatus> {
    if (this.ended) return this.done;
    this.ended = true;
    this.waits.stop();
    this.abortedRun = true;
    this.abortReason = new CancelledError('The run was taken over by another process');
    this.controller?.abort(this.abortReason);
    this.journal.discard();
    this.settle(toExecutionStatus(this.state));
    return this.done;
  }

  protected async finish(): Promise<void> {
    const total = this.plan.steps.length;
    const { store } = this.defaults;
    const { now } = this.options.control;
    this.settle(
      await finishRun(this.journal, this.runLog, store, this.instanceId, this.state, total, now),
    );
  }
}
