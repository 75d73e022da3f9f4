import type { ExecutionPlan, PlanStep } from '../graph/executionPlan';
import type { WorkflowLimits } from '../limits/workflowLimits';
import type { ChildRunner } from './ChildRunner';
import { type RunState, stepStateOf } from './runState';
import { type StepControl, StepSuspension } from './stepControl';

/** What a run lends its steps' control ports. */
export interface RunControl {
  readonly limits: WorkflowLimits;
  /** The engine's clock. */
  now(): number;
  /** The run's sub-workflows. */
  readonly children: ChildRunner;
}

/** The control port of one execution of a step, read from the run's state as it stands. */
export function createStepControl(
  run: RunControl,
  plan: ExecutionPlan,
  step: PlanStep,
  state: RunState,
  idempotencyKey: string,
): StepControl {
  return {
    limits: run.limits,
    now: run.now,
    startedAt: stepStateOf(state, step.id)?.started_at ?? null,
    wake: state.wakes[step.id],
    isConnected: (handle) => step.connectedHandles.has(handle),
    typeOf: (stepId) => {
      const index = plan.indexById.get(stepId);
      return index === undefined ? undefined : plan.steps[index]!.component.metadata.type;
    },
    suspend(request) {
      throw new StepSuspension(request);
    },
    get children() {
      return run.children.forStep(step.id, idempotencyKey);
    },
  };
}
