import type { ExecutionEvent, ExecutionStatus } from '@flowloom/core';

/**
 * Every step id of a run: the status's steps first (the workflow's order), then any other step
 * seen in the events, each once.
 */
export function collectStepIds(
  status: ExecutionStatus | null | undefined,
  events: readonly ExecutionEvent[],
): string[] {
  const ids = new Set<string>(status ? Object.keys(status.steps) : []);
  for (const event of events) {
    if (event.step_id !== undefined) ids.add(event.step_id);
  }
  return [...ids];
}
