import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';

/** Which part of a workflow a run runs. */
export interface RunScopeOptions {
  /** Only this step and its ancestors run; the others are skipped (`not_needed`). */
  until?: string;
  /** Only this entry step starts the run; the other entry steps are skipped (`not_triggered`). */
  startAt?: string;
}

/** Why a step is left out of a run before it starts. */
export type ScopeSkip = 'not_needed' | 'not_triggered';

/**
 * For each step of a plan, the reason it is left out of a run scoped by `until` and `startAt`,
 * or `undefined` when it may run; `undefined` for the whole run when neither is set.
 *
 * @remarks Every successor of a step `until` does not need is not needed either, so skipping
 * them never holds back a step that runs. The steps only a skipped entry step leads to are
 * skipped as the run goes, as any branch not taken.
 */
export function scopeSkips(
  plan: ExecutionPlan,
  scope: RunScopeOptions,
): Array<ScopeSkip | undefined> | undefined {
  const { until, startAt } = scope;
  if (until === undefined && startAt === undefined) return undefined;
  const skips = new Array<ScopeSkip | undefined>(plan.steps.length).fill(undefined);
  if (startAt !== undefined) {
    for (const step of plan.steps)
      if (step.isEntry && step.id !== startAt) skips[step.index] = 'not_triggered';
  }
  if (until !== undefined) {
    const needed = new Uint8Array(plan.steps.length);
    const queue = [plan.indexById.get(until)!];
    needed[queue[0]!] = 1;
    // A loop over a queue, not recursion: a chain can hold thousands of steps.
    for (let head = 0; head < queue.length; head += 1) {
      const step = queue[head]!;
      for (let at = plan.incomingStart[step]!; at < plan.incomingStart[step + 1]!; at += 1) {
        const source = plan.edgeSource[plan.incomingEdges[at]!]!;
        if (needed[source] === 1) continue;
        needed[source] = 1;
        queue.push(source);
      }
    }
    for (let at = 0; at < skips.length; at += 1) {
      if (needed[at] === 0 && skips[at] === undefined) skips[at] = 'not_needed';
    }
  }
  return skips;
}

/**
 * Checks a run's scope against its plan.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for a step the workflow does not have, or a
 * `startAt` step that is not an entry step.
 */
export function checkRunScope(plan: ExecutionPlan, scope: RunScopeOptions): void {
  for (const field of ['until', 'startAt'] as const) {
    const stepId = scope[field];
    if (stepId === undefined) continue;
    const index = plan.indexById.get(stepId);
    if (index === undefined) throw scopeError(field, `The workflow has no step "${stepId}"`);
    if (field === 'startAt' && !plan.steps[index]!.isEntry) {
      throw scopeError(field, `Step "${stepId}" is not an entry step: a run can't start there`);
    }
  }
}

function scopeError(field: string, message: string): FlowloomError {
  return new FlowloomError(ErrorCode.VALIDATION_FAILED, message, {
    issues: [{ path: field, message }],
  });
}
