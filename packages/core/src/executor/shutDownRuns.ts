import type { RunLeases } from './RunLeases';
import type { RunRegistry } from './RunRegistry';
import type { WorkflowRun } from './WorkflowRun';

/**
 * Shuts an engine's runs down without losing them (see `ExecutionEngine.close`): the claims in
 * progress become runs, the runs wind down, and their leases are given up.
 */
export async function shutDownEngine(
  runs: RunRegistry,
  leases: RunLeases,
  graceMs: number,
): Promise<void> {
  // A claim in progress is a few store calls from being a run: wait for it to become one.
  await runs.claimsSettled();
  await shutDownRuns(runs.liveRuns(), graceMs);
  // The interrupted runs' leases are given up, so the next process resumes them at once.
  await leases.settled();
}

/**
 * Winds down an engine's runs for a shutdown: they drain (running steps finish, nothing new
 * starts) for up to `graceMs`, then whatever still runs is interrupted (its attempts run again
 * on resume). Never cancels.
 */
export async function shutDownRuns(runs: readonly WorkflowRun[], graceMs: number): Promise<void> {
  if (runs.length === 0) return;
  const reason = 'The server shut down before the run ended';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const graceOver = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, graceMs));
  });
  await Promise.race([Promise.all(runs.map((run) => run.drain(reason))), graceOver]);
  clearTimeout(timer);
  await Promise.all(runs.map((run) => run.interrupt(reason)));
}
