import type { RunConcurrencyGate } from '../concurrency/runConcurrencyGate';
import type { CredentialResolver, RunOwner } from '../credentials/credentialReference';
import type { WorkflowLimitsInput } from '../limits/workflowLimits';
import type { NetworkOptionsInput, StepFetch } from '../network/stepFetch';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { CodeSandbox } from '../sandbox/codeSandbox';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { SavedWorkflow } from '../schema/savedWorkflow';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';

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
  /**
   * Loads the saved workflows `sub_workflow` and `for_each` steps run, for the run's owner.
   * @default the store's workflows, with no access check: `createWorkflowServer` passes one that
   * applies its access rule (the owner's own and their tenant's workflows)
   */
  workflows?: WorkflowSource;
  /**
   * The clock waits are measured with, in milliseconds since the epoch: `wait` steps' wake
   * times and which waiting runs are due. Tests pass a clock they move.
   * @default Date.now
   */
  now?: () => number;
  /**
   * How long one run may hold the event loop, in milliseconds: a run that has run this long
   * without waiting for anything yields (a macrotask), so the server's timers, I/O and other
   * requests get their turn, whatever the run's size or store. `Infinity` never yields.
   * @default 20
   */
  yieldAfterMs?: number;
  /**
   * Decides when runs may execute under `limits.maxConcurrentRunsPerTenant` and
   * `maxConcurrentRunsPerWorkflow`: runs past a limit are journaled `execution_queued`, wait
   * `queued`, and begin in order as others end. Pass a shared one when several processes run
   * one store (`createRedisConcurrencyGate` from `@flowloom/queue`).
   * @default createMemoryConcurrencyGate(limits) when either limit is set (this process's runs
   * only), else none
   */
  concurrencyGate?: RunConcurrencyGate;
  /**
   * Who this engine is in the store's run leases: unique per process (two engines sharing an
   * id would both run a run). Shown in the store as the holder of the runs it executes.
   * @default `engine:<random>`; the server's engine uses `<hostname>:<pid>:<random>`
   */
  ownerId?: string;
  /**
   * How long a run's lease lasts unless renewed, in milliseconds. The engine renews the leases
   * of its runs every `leaseMs / 3`; once a process dies, its runs are taken over (by
   * `createWorkflowServer`'s sweep) after at most this long.
   * @default 30000
   */
  leaseMs?: number;
}

/** Where sub-workflow steps find the workflows they run. */
export interface WorkflowSource {
  /**
   * A saved workflow at its latest version, or `null` when it does not exist.
   *
   * @throws FlowloomError `FORBIDDEN` when the run's owner may not read it.
   */
  load(workflowId: string, owner: RunOwner): Promise<SavedWorkflow | null>;
}

/** Options of one run. */
export interface ExecuteOptions {
  /** Run variables to start with, readable as `{{ vars.<name> }}`. */
  variables?: Record<string, unknown>;
  /**
   * Runs this step and the steps it depends on (its ancestors) only: every other step is
   * skipped (`step_skipped`, reason `not_needed`). What an editor's "run to here" runs.
   */
  until?: string;
  /**
   * Starts the run at this entry step only: the other entry steps (triggers) are skipped
   * (`step_skipped`, reason `not_triggered`), and so is what only they lead to. A triggered
   * run starts at its trigger this way.
   * @default the instance's `trigger.step_id`, when a trigger started it; else every entry step
   */
  startAt?: string;
}

/** Options of {@link ExecutionEngine.close}. */
export interface CloseOptions {
  /**
   * How long steps already running may take to finish before their runs are interrupted
   * anyway (their abandoned attempts run again when the runs resume).
   * @default 10000
   */
  graceMs?: number;
}

/** Options of {@link ExecutionEngine.stopWorkflow}. */
export interface StopOptions {
  /**
   * Also cancel an instance whose record says `running` while no run in this engine holds it:
   * a run whose process died. Only safe once nothing else can be running it (e.g. this is the
   * only process on the store and it has resumed what it was going to resume).
   * @default false
   */
  cancelOrphaned?: boolean;
}

/** A run that was accepted: the instance as it now stands and the run's end. */
export interface StartedRun {
  instance: WorkflowInstance;
  /** Settles with the final state when the run ends; never rejects. */
  done: Promise<ExecutionStatus>;
}
