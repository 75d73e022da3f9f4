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
 * methods and lazy getters live on the prototype: `inputs` and `input` are only built when a
 * component reads them, which most don't.
 */
export class StepContext implements ExecutionContext, StepLogger {
  readonly workflow_id: string;
  readonly instance_id: string;
  readonly previous_outputs: Record<string, unknown>;
  readonly global_variables: Record<string, unknown>;
  readonly run_input: Record<string, unknown>;
  readonly idempotency_key: string;
  private inputsCache: Record<string, unknown> | undefined;

  constructor(
    private readonly source: StepContextSource,
    private readonly stepIndex: number,
    readonly step_id: string,
    readonly input_data: Record<string, unknown>,
    readonly signal: AbortSignal,
    attempt: number,
  ) {
    this.idempotency_key = `${source.instanceId}:${step_id}:${attempt}`;
    this.workflow_id = source.workflowId;
    this.instance_id = source.instanceId;
    this.previous_outputs = source.outputs;
    this.global_variables = source.variables;
    this.run_input = source.runInput;
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
