import type { StepScheduler } from './StepScheduler';

/**
 * Hands a finished step's followed handles to the scheduler, then skips each step that can no
 * longer run, and the steps only they led to, down whole chains: a loop, not recursion, since
 * a skip can flow down thousands of steps. `resolved` marks the steps already handed over, so
 * none is handed over twice.
 *
 * @param skip - called for each step found unreachable, in the order found.
 */
export function resolveWithSkips(
  scheduler: StepScheduler,
  resolved: Uint8Array,
  stepIndex: number,
  followed: readonly string[],
  skip: (stepIndex: number) => void,
): void {
  if (resolved[stepIndex] === 1) return;
  resolved[stepIndex] = 1;
  const unreachable = scheduler.resolve(stepIndex, followed);
  if (unreachable.length === 0) return;
  const toSkip = [...unreachable];
  while (toSkip.length > 0) {
    const skipped = toSkip.pop()!;
    if (resolved[skipped] === 1) continue;
    resolved[skipped] = 1;
    skip(skipped);
    for (const next of scheduler.resolve(skipped, [])) toSkip.push(next);
  }
}
