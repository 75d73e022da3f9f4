import type { WorkflowInstance } from '../schema/workflowInstance';

/**
 * What a run counts against: its tenant and its saved workflow. A key left out (or with no
 * limit) does not hold the run back.
 */
export interface ConcurrencyKeys {
  /** The instance's `tenant_id`, for `limits.maxConcurrentRunsPerTenant`. */
  tenant_id?: string;
  /** The instance's `workflow_id`, for `limits.maxConcurrentRunsPerWorkflow`. */
  workflow_id?: string;
}

/** The limits a gate enforces; a limit left out is unlimited. */
export interface ConcurrencyLimits {
  /** Runs of one tenant that execute at once. */
  maxConcurrentRunsPerTenant?: number;
  /** Runs of one saved workflow that execute at once. */
  maxConcurrentRunsPerWorkflow?: number;
}

/** Gives a slot back; safe to call more than once. */
export type ReleaseSlot = () => Promise<void>;

/**
 * Decides when a run may execute: a slot per tenant and per workflow, up to the limits, handed
 * out first come, first served. The engine asks it before every run begins (start, retry,
 * resume, wake-up); runs that must wait are journaled `execution_queued` and stay `queued`.
 *
 * In one process, {@link createMemoryConcurrencyGate}; across processes, a shared one
 * (`createRedisConcurrencyGate` from `@flowloom/queue`).
 *
 * @example
 * const gate = createMemoryConcurrencyGate({ maxConcurrentRunsPerTenant: 2 });
 * const engine = new ExecutionEngine({ concurrencyGate: gate });
 */
export interface RunConcurrencyGate {
  /**
   * Resolves with a release function once the run may execute (FIFO per key; a run needs a
   * slot of every key it has); `signal` abandons the wait (the promise rejects with its reason).
   */
  acquire(keys: ConcurrencyKeys, instanceId: string, signal?: AbortSignal): Promise<ReleaseSlot>;
  /** True when `acquire` would have to wait now (so the engine journals `execution_queued` first). */
  wouldWait(keys: ConcurrencyKeys, instanceId: string): Promise<boolean>;
}

/**
 * The keys a run of an instance counts against, or `undefined` when it counts against none: a
 * sub-workflow run executes within its parent's slot (waiting for a slot its own parent holds
 * would deadlock), and an instance with neither a tenant nor a saved workflow has no key.
 */
export function concurrencyKeysOf(
  instance: Pick<WorkflowInstance, 'tenant_id' | 'workflow_id' | 'parent_instance_id'>,
): ConcurrencyKeys | undefined {
  if (instance.parent_instance_id) return undefined;
  const keys: ConcurrencyKeys = {};
  if (instance.tenant_id) keys.tenant_id = instance.tenant_id;
  if (instance.workflow_id) keys.workflow_id = instance.workflow_id;
  return keys.tenant_id === undefined && keys.workflow_id === undefined ? undefined : keys;
}

/** Whether limits hold anything back. */
export function hasConcurrencyLimits(limits: ConcurrencyLimits): boolean {
  return (
    limits.maxConcurrentRunsPerTenant !== undefined ||
    limits.maxConcurrentRunsPerWorkflow !== undefined
  );
}
