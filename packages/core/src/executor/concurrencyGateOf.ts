import { createMemoryConcurrencyGate } from '../concurrency/createMemoryConcurrencyGate';
import { hasConcurrencyLimits, type RunConcurrencyGate } from '../concurrency/runConcurrencyGate';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ExecutionEngineOptions } from './engineOptions';

/**
 * The gate an engine asks before its runs execute: the host's, else one in this process's
 * memory when a per-tenant or per-workflow limit is set, else none (every run begins at once).
 */
export function concurrencyGateOf(
  options: Pick<ExecutionEngineOptions, 'concurrencyGate'>,
  limits: WorkflowLimits,
): RunConcurrencyGate | undefined {
  if (options.concurrencyGate) return options.concurrencyGate;
  return hasConcurrencyLimits(limits) ? createMemoryConcurrencyGate(limits) : undefined;
}
