import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionContext, StepLogger } from '../schema/executionContext';
import type { LogLevel } from '../schema/logEntry';
import { createDictionary } from './runState';
import { STEP_CONTROL, type StepControl } from './stepControl';

/** What a {@link StepContext} reads from its run. */
export interface StepContextSource {
  readonly workflowId: string;
  readonly instanceId: string;
  readonly outputs: Record<string, unknown>;
  readonly variables: Record<string, unknown>;
  readonly runInput: Record<string, unknown>;
  /** Aborted when the run ends (stopped, or failed elsewhere); made when first read. */
  readonly signal: AbortSignal;
  /** The guarded fetch steps use. */
  readonly fetch: StepFetch;
  /** Where `code` steps run, when the engine has one. */
  readonly sandbox: CodeSandbox | undefined;
  /** Ids of the steps that delivered into a step, in edge order. */
  deliveredSourceIds(stepIndex: number): string[];
  log(stepId: string, level: LogLevel, message: string, data: unknown): void;
  /** The control-flow port of a step's execution (waits, sub-workflows, the clock). */
  controlFor(stepIndex: number, idempotencyKey: string): StepControl;
}

/**
 * The `context` a component's `execute` receives. A class rather than an object literal so its
 * methods and lazy getters live on the prototype: one is made per step, so it holds only what
 * differs per step, and `inputs`, `input`, the run's signal and the idempotency key are only
 * read (or made) when a component asks for them, which most don't.
 */
export class StepContext implements ExecutionContext, StepLogger {
  private inputsCache: Record<string, unknown> | undefined;

  /**
   * @param stepSignal - the step's own signal (one with a timeout); the run's otherwise.
   */
  constructor(
    private readonly source: StepContextSource,
    private readonly stepIndex: number,
    readonly step_id: string,
    readonly input_data: Record<string, unknown>,
    private readonly attempt: number,
    private readonly stepSignal?: AbortSignal,
  ) {}

  get workflow_id(): string {
    return this.source.workflowId;
  }

  get instance_id(): string {
    return this.source.instanceId;
  }

  get previous_outputs(): Record<string, unknown> {
    return this.source.outputs;
  }

  get global_variables(): Record<string, unknown> {
    return this.source.variables;
  }

  get run_input(): Record<string, unknown> {
    return this.source.runInput;
  }

  /** `instance:step:attempt`: the same when an attempt runs again after a restart. */
  get idempotency_key(): string {
    return `${this.source.instanceId}:${this.step_id}:${this.attempt}`;
  }

  get signal(): AbortSignal {
    return this.stepSignal ?? this.source.signal;
  }

  get inputs(): Record<string, unknown> {
    if (!this.inputsCache) {
      const inputs = createDictionary<unknown>();
      for (const id of this.source.deliveredSourceIds(this.stepIndex))
        inputs[id] = this.source.outputs[id];
      this.inputsCache = inputs;
    }
    return this.inputsCache;
  }

  get input(): unknown {
    const ids = this.source.deliveredSourceIds(this.stepIndex);
    return ids.length === 0 ? this.run_input : this.source.outputs[ids[0]!];
  }

  /** Built on first read: only the control-flow components read it. */
  get [STEP_CONTROL](): StepControl {
    return this.source.controlFor(this.stepIndex, this.idempotency_key);
  }

  get logger(): StepLogger {
    return this;
  }

  get fetch(): StepFetch {
    return this.source.fetch;
  }

  get sandbox(): CodeSandbox | undefined {
    return this.source.sandbox;
  }

  log(level: LogLevel, message: string, data?: unknown): void {
    this.source.log(this.step_id, level, String(message), data);
  }

  debug(message: string, data?: unknown): void {
    this.log('debug', message, data);
  }

  info(message: string, data?: unknown): void {
    this.log('info', message, data);
  }

  warn(message: string, data?: unknown): void {
    this.log('warn', message, data);
  }

  error(message: string, data?: unknown): void {
    this.log('error', message, data);
  }
}
