import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import type { StartedRun } from './engineOptions';
import { readRunJournal } from './readRunJournal';
import { stepStateOf } from './runState';
import type { ResumeRequest } from './stepsToWake';
import type { WorkflowRun } from './WorkflowRun';

/** What waking runs needs of the engine's insides. */
export interface WakeHost {
  readonly store: WorkflowStore;
  /** The run this engine executes for an instance, or `'starting'` while one is claimed. */
  liveRun(instanceId: string): WorkflowRun | 'starting' | undefined;
  /** Claims the instance and lets `begin` start its run (the engine's `claim`). */
  claim(
    instanceId: string,
    begin: (instance: WorkflowInstance) => Promise<StartedRun & { run?: WorkflowRun }>,
  ): Promise<StartedRun>;
  planFor(instance: WorkflowInstance): ExecutionPlan;
  createRun(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    input: Record<string, unknown>,
    variables: Record<string, unknown>,
    lastSeq: number,
  ): WorkflowRun;
}

/**
 * Continues a `waiting` run: replays its journal, wakes its steps whose time came (and those
 * waiting for sub-workflows), or the one `request` resumes, and goes on from there. A live run
 * (waiting in one branch while others run) has the step woken in place.
 *
 * @throws FlowloomError `NOT_FOUND` for an unknown instance or step, `CONFLICT` when the run
 * does not wait (or the step does not wait for a resume), `SHUTTING_DOWN`, `TOO_MANY_RUNS`.
 */
export async function wakeRun(
  host: WakeHost,
  instanceId: string,
  request?: ResumeRequest,
): Promise<StartedRun> {
  if (request) await checkStepExists(host.store, instanceId, request.step_id);
  const live = host.liveRun(instanceId);
  if (live === 'starting') {
    throw new FlowloomError(ErrorCode.CONFLICT, `Instance "${instanceId}" is starting; try again`);
  }
  if (live) {
    if (request && live.wakeStep(request.step_id, { data: request.data })) {
      return { instance: (await host.store.getInstance(instanceId))!, done: live.done };
    }
    if (!live.isEnded) {
      if (request) throw notWaiting(request.step_id);
      throw new FlowloomError(ErrorCode.CONFLICT, `Instance "${instanceId}" is running`);
    }
    // It is ending (perhaps parking as `waiting` right now): once it has, wake it from its journal.
    await live.done;
  }
  return host.claim(instanceId, async (instance) => {
    if (instance.status !== 'waiting') {
      if (request) throw notWaiting(request.step_id);
      throw new FlowloomError(
        ErrorCode.CONFLICT,
        `Instance "${instanceId}" is not waiting (status: ${instance.status})`,
      );
    }
    const journal = await readRunJournal(host.store, instanceId);
    const plan = host.planFor(instance);
    const run = host.createRun(
      instance,
      plan,
      journal.started?.input_data ?? {},
      journal.started?.variables ?? {},
      journal.lastSeq,
    );
    run.replay(journal.events);
    if (request) {
      const step = stepStateOf(run.state, request.step_id);
      if (step?.status !== 'waiting' || !step.wait?.resume) throw notWaiting(request.step_id);
    }
    const current = await host.store.updateInstance(instanceId, { status: 'running' });
    return { instance: current, run, done: run.wake(request) };
  });
}

/**
 * After a sub-workflow ended: wakes the parent step waiting for it. A parent still running here
 * has the step woken in place (or as soon as it begins to wait); a parked one is woken from its
 * journal. Never throws: a parent that can't be woken now is woken by its next resume.
 */
export async function wakeParent(
  host: WakeHost,
  parentId: string,
  stepId: string,
  report: (message: string) => void,
): Promise<void> {
  try {
    const live = host.liveRun(parentId);
    if (live !== undefined && live !== 'starting') {
      if (live.wakeStep(stepId)) return;
      if (!live.isEnded) return;
      await live.done;
    }
    const parent = await host.store.getInstance(parentId);
    if (parent?.status === 'waiting') await wakeRun(host, parentId);
  } catch (error) {
    report(
      `Could not wake run ${parentId} after its sub-workflow ended: ${toFlowloomError(error).message}`,
    );
  }
}

async function checkStepExists(
  store: WorkflowStore,
  instanceId: string,
  stepId: string,
): Promise<void> {
  const instance = await store.getInstance(instanceId);
  if (!instance) {
    throw new FlowloomError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
  }
  if (!instance.workflow_data.nodes.some((node) => node.id === stepId)) {
    throw new FlowloomError(
      ErrorCode.NOT_FOUND,
      `Instance "${instanceId}" has no step "${stepId}"`,
    );
  }
}

function notWaiting(stepId: string): FlowloomError {
  return new FlowloomError(ErrorCode.CONFLICT, `Step "${stepId}" is not waiting for a resume`);
}
