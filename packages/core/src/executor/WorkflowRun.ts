import { passThroughInput } from '../components/passThroughInput';
import { ErrorCode } from '../errors/errorCodes';
import type { PlanStep } from '../graph/executionPlan';
import { measureJsonBytes } from '../limits/measureJson';
import type { ExecutionEvent, ExecutionEventMap } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { LogLevel } from '../schema/logEntry';
import type { ErrorInfo } from '../schema/status';
import { applyEvent } from './applyEvent';
import { flatJsonBytes } from './checkStepData';
import { createStepControl } from './createStepControl';
import { RunLoop } from './RunLoop';
import { type ScopeSkip, scopeSkips } from './runScope';
import { statusAt, stepAt, stepEntries, stepStateOf } from './runState';
import type { StepControl } from './stepControl';
import type { StepFailure } from './stepFailure';
import type { WaitingOutcome } from './stepOutcome';
import { stepsToRetry } from './stepsToRetry';
import { type ResumeRequest, stepsToWake } from './stepsToWake';

export type { RunDefaults, RunOptions } from './workflowRunOptions';

/**
 * One run of one instance: its lifecycle over the run loop (`RunLoop`). A run starts fresh,
 * resumes from a journal a process left unfinished, wakes from a wait, is retried from its
 * failed steps, or is cancelled, drained or interrupted; each of these replays what the journal
 * holds and hands the loop what is left to run. It also answers its steps (`StepRunHost`):
 * their attempt numbers, their inputs, their logs and their control port.
 */
export class WorkflowRun extends RunLoop {
  get outputs(): Record<string, unknown> {
    return this.state.outputs;
  }

  get variables(): Record<string, unknown> {
    return this.state.variables;
  }

  /** Set by `enqueue` while the run waits for a concurrency slot; cleared once it begins. */
  private queued = false;

  /**
   * Journals `execution_queued`: the run waits for a concurrency slot and nothing of it runs
   * until `start`, `resume`, `retry` or `wake` begins it. Meanwhile a stop cancels it, a
   * shutdown interrupts it (a resume then begins what `request` says) and a resume request
   * for a waiting step is journaled, to take effect when it begins.
   */
  enqueue(request: ExecutionEventMap['execution_queued']): void {
    this.startedAt = this.clock.now();
    this.queued = true;
    this.journal.append('execution_queued', request);
  }

  /** Ends a queued run `failed` when it can't begin (its gate's store is unreachable, say). */
  failQueued(error: ErrorInfo): Promise<ExecutionStatus> {
    this.end('failed', error);
    return this.done;
  }

  /** Starts the run; returns `done`. */
  start(): Promise<ExecutionStatus> {
    const { plan, input_data, variables, scope } = this.options;
    this.begin(() => {
      // The run's input counts against its event budget like anything else it records.
      const started = { input_data, variables, total_steps: plan.steps.length };
      this.journal.append(
        'execution_started',
        scope?.until === undefined && scope?.startAt === undefined
          ? started
          : { ...started, until: scope.until, start_at: scope.startAt },
        undefined,
        measureInput(input_data, variables, this.limits.maxRunEventBytes),
      );
      this.useStateScope();
      this.continueFromState();
    });
    return this.done;
  }

  /**
   * Continues a run that a previous process left unfinished, from its journal (the run's
   * events, `execution_started` first): `execution_resumed` is appended, finished steps are not
   * run again, and a step that was in flight runs its abandoned attempt again (same attempt
   * number, same `idempotency_key`).
   */
  resume(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    this.begin(() => {
      this.replay(journal);
      const inFlight: string[] = [];
      for (const [id, step] of stepEntries(this.state)) {
        if (step.status === 'running') inFlight.push(id);
      }
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
    this.begin(() => {
      this.journal.append('execution_resumed', { step_ids: [] });
      this.wakeDueSteps(request);
      this.continueFromState();
    });
    return this.done;
  }

  /**
   * Runs a failed or cancelled run again from where it stopped: replays its journal, appends
   * `execution_retried` for its failed steps and everything finished downstream of them (they
   * become pending, their attempt numbers continue), then goes on as a resume does, reusing
   * the outputs of the steps that completed.
   */
  retry(journal: readonly ExecutionEvent[]): Promise<ExecutionStatus> {
    this.begin(() => {
      this.replay(journal);
      this.journal.append('execution_retried', { step_ids: stepsToRetry(this.plan, this.state) });
      this.continueFromState();
    });
    return this.done;
  }

  /**
   * Cancels a run no process is running (interrupted, or left `running` by a killed process):
   * replays its journal, then ends it as `cancel` does, with its in-flight steps failed.
   */
  cancelFrom(journal: readonly ExecutionEvent[], reason: string): Promise<ExecutionStatus> {
    this.begin(() => {
      this.replay(journal);
      this.end('cancelled', { code: ErrorCode.CANCELLED, message: reason });
    });
    return this.done;
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

  /** Rebuilds the run's state from its journal (its events, `execution_started` first). */
  replay(journal: readonly ExecutionEvent[]): void {
    for (const event of journal) applyEvent(this.state, event);
    this.useStateScope();
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
    // Nothing of a queued run runs: it is interrupted at once, and begins when resumed.
    if (this.queued) return this.interrupt(reason);
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

  /**
   * Wakes a waiting step of this live run (a resume request with its `data`, or a timer or a
   * sub-workflow's end without); a step still running wakes as soon as it begins to wait.
   * `false` when the run has ended or the step neither waits (for a request: a resume) nor runs.
   */
  wakeStep(stepId: string, request?: { data: unknown }): boolean {
    const index = this.plan.indexById.get(stepId);
    const step = stepStateOf(this.state, stepId);
    if (this.ended || index === undefined || !step) return false;
    if (this.queued) {
      if (step.status !== 'waiting' || (request && !step.wait?.resume)) return false;
      // Journaled now, so a stop or a restart keeps it; the step runs once the run begins.
      this.journal.append('step_resumed', request ? { data: request.data ?? null } : {}, stepId);
      return true;
    }
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

  attemptsOf(step: PlanStep): { first: number; base: number } {
    return { first: this.firstAttemptOf(step), base: this.state.attemptBase[step.id] ?? 0 };
  }

  firstAttemptOf(step: PlanStep): number {
    const stepState = stepAt(this.state, step.index);
    // Found running: its attempt was in flight when the previous process stopped; run it again.
    if (stepState.status !== 'running') return stepState.attempts + 1;
    return Math.max(stepState.attempts, (this.state.attemptBase[step.id] ?? 0) + 1);
  }

  stepStarted(
    step: PlanStep,
    attempt: number,
    input_data: Record<string, unknown>,
    inputBytes: number,
    reading?: number,
  ): void {
    const at = reading === undefined ? undefined : this.clock.iso(reading);
    let data = step.firstStart;
    if (attempt !== 1 || input_data !== step.baseParameters) data = { attempt, input_data };
    else if (data === undefined) {
      data = Object.freeze({ attempt, input_data });
      step.firstStart = data;
    }
    this.journal.append('step_started', data, step.id, inputBytes, at);
    this.checkEventBudget();
  }

  stepRetrying(step: PlanStep, attempt: number, delay_ms: number, error: StepFailure): void {
    this.journal.append(
      'step_retrying',
      { attempt, delay_ms, error },
      step.id,
      error.message.length,
    );
    this.checkEventBudget();
  }

  controlFor(stepIndex: number, idempotencyKey: string): StepControl {
    const step = this.plan.steps[stepIndex]!;
    return createStepControl(this.options.control, this.plan, step, this.state, idempotencyKey);
  }

  deliveredSourceIds(stepIndex: number): string[] {
    return this.scheduler.deliveredSources(stepIndex).map((source) => this.plan.steps[source]!.id);
  }

  log(stepId: string, level: LogLevel, message: string, data: unknown): void {
    if (this.ended) return;
    this.runLog.write(stepId, level, message, data);
    this.checkEventBudget();
  }

  /** Starts (or continues) the run's work: its clock's first slice, then `work`. */
  protected checkEventBudget(): void {
    if (this.ended || this.journal.bytes <= this.limits.maxRunEventBytes) return;
    this.end('failed', {
      code: ErrorCode.RUN_TOO_LARGE,
      message: `The run's events passed the limit of ${this.limits.maxRunEventBytes} bytes`,
    });
  }
  /**
   * A disabled step: skipped, passing what flowed into it (or the run's input, for an entry
   * step) on as its output through its pass handles, as if it were not there.
   */
  protected passThrough(step: PlanStep): void {
    const sources = this.scheduler.deliveredSources(step.index);
    const input =
      sources.length === 0 ? this.runInput : this.state.outputs[this.plan.steps[sources[0]!]!.id];
    const output_handles = [...step.passHandles];
    this.journal.append(
      'step_skipped',
      { reason: 'disabled', output_data: passThroughInput(input), output_handles },
      step.id,
    );
    this.checkEventBudget();
    this.resolveWhenStored(step.index, output_handles);
  }
  protected stepWaits(step: PlanStep, { wake_at, resume }: WaitingOutcome): void {
    this.journal.append('step_waiting', wake_at ? { wake_at, resume } : { resume }, step.id);
    // A wake that came while it ran (its sub-workflow just ended) wakes it at once.
    if (this.waits.begin(step.id, wake_at)) this.wakeStep(step.id);
    this.checkEventBudget();
  }

  private begin(work: () => void): void {
    this.queued = false;
    this.startedAt = this.clock.now();
    this.guarded(work);
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
   * Skips what the run leaves out (unreachable steps, and what its scope excludes), hands the
   * finished steps to the scheduler, queues the entry steps left to run and goes on. Skips are
   * all journaled before any is resolved, so each keeps its own reason.
   */
  private continueFromState(): void {
    const { plan, options } = this;
    const skips = options.scope ? scopeSkips(plan, options.scope) : undefined;
    for (const step of plan.steps) {
      if (statusAt(this.state, step.index) !== 'pending') continue;
      const reason: ScopeSkip | 'unreachable' | undefined = !step.reachable
        ? 'unreachable'
        : skips?.[step.index];
      if (reason) this.journal.append('step_skipped', { reason }, step.id);
    }
    let unhandled: ErrorInfo | undefined;
    for (const step of plan.steps) {
      const stepState = this.state.stepList[step.index];
      if (stepState === undefined) {
        // Untouched: pending, neither skipped above nor run before.
        if (step.isEntry) this.scheduler.enqueue(step.index);
        continue;
      }
      if (stepState.status === 'completed' || stepState.status === 'skipped') {
        this.resolve(step.index, stepState.output_handles ?? []);
      } else if (stepState.status === 'failed') {
        const handles = stepState.output_handles ?? [];
        if (handles.length === 0) unhandled ??= { ...stepState.error!, step_id: step.id };
        this.resolve(step.index, handles);
      } else if (
        step.isEntry &&
        (stepState.status === 'pending' || stepState.status === 'running')
      ) {
        // A running entry step was in flight (or woke) when its process stopped: nothing
        // upstream makes it ready, so it is queued here to run its attempt again.
        this.scheduler.enqueue(step.index);
      }
    }
    this.checkEventBudget();
    if (unhandled) this.end('failed', unhandled);
    else this.pump();
  }

  /** Points expressions at the state's current output and variable objects. */
  private useStateScope(): void {
    // execution_started gives the state fresh objects: read those from now on.
    this.scope = {
      steps: this.state.outputs,
      input: this.state.input_data,
      vars: this.state.variables,
      stepIds: this.plan.stepIds,
    };
  }
}

/** The size of a run's input as its events hold it, or past the budget when it is larger. */
function measureInput(
  input_data: Record<string, unknown>,
  variables: Record<string, unknown>,
  budget: number,
): number {
  const [input, vars] = [flatJsonBytes(input_data), flatJsonBytes(variables)];
  // `{"input_data":…,"variables":…}` around two flat objects, measured without a walk.
  if (input !== undefined && vars !== undefined) return input + vars + 28;
  return measureJsonBytes({ input_data, variables }, budget) ?? budget + 1;
}
