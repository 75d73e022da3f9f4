import { type RunState, stepEntries } from './runState';

/** A resume request for one waiting step: `data` becomes its output. */
export interface ResumeRequest {
  step_id: string;
  data: unknown;
}

/** A waiting step to wake, with the data of the request that woke it, if one did. */
export type StepToWake = { step_id: string; data?: unknown };

/**
 * Which waiting steps wake when a run continues from its journal (woken, resumed after a
 * restart, or resumed by request): the one a request names, those whose `wake_at` has come, and
 * those waiting for their sub-workflows (they look at them again and wait on if they must).
 */
export function stepsToWake(state: RunState, nowMs: number, request?: ResumeRequest): StepToWake[] {
  const woken: StepToWake[] = [];
  for (const [step_id, step] of stepEntries(state)) {
    if (step.status !== 'waiting') continue;
    const wait = step.wait ?? { resume: false };
    if (request?.step_id === step_id) woken.push({ step_id, data: request.data });
    else if (wait.wake_at === undefined ? !wait.resume : Date.parse(wait.wake_at) <= nowMs) {
      woken.push({ step_id });
    }
  }
  return woken;
}
