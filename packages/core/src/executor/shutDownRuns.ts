import type { WorkflowRun } from './WorkflowRun';

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
