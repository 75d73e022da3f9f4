import type { CredentialResolver } from '../credentials/credentialReference';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { StepFetch } from '../network/stepFetch';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { RunControl } from './createStepControl';
import type { RunScopeOptions } from './runScope';

/** What every run of one engine is made with (see `runDefaultsOf`). */
export interface RunDefaults {
  store: WorkflowStore;
  /** Steps running at once, at most. */
  concurrency: number;
  /** Called with each event once it is stored. */
  publish: (event: ExecutionEvent) => void;
  limits: WorkflowLimits;
  /** The guarded fetch its steps get. */
  fetch: StepFetch;
  sandbox: CodeSandbox | undefined;
  credentials: CredentialResolver | undefined;
  /** Waits before each retry of a failed journal write. */
  journalRetryDelaysMs?: readonly number[];
  /** How long the run may hold the event loop before it yields; `Infinity` never yields. */
  yieldAfterMs: number;
}

/** What one run is made from, beyond its engine's {@link RunDefaults}. */
export interface RunOptions {
  instance: WorkflowInstance;
  plan: ExecutionPlan;
  input_data: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** The last `seq` already stored for the instance (earlier runs). */
  lastSeq: number;
  /** The engine's clock and the run's sub-workflows, for its steps' control ports. */
  control: RunControl;
  /** The part of the workflow the run runs (`until`, `startAt`). */
  scope?: RunScopeOptions;
}
