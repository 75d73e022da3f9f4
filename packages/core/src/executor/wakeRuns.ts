import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError, toFlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { type AdmissionHost, admitRun } from './admitRun';
import type { StartedRun } from './engineOptions';
import { parkedWakeAt } from './parkedWakeAt';
import { readRunJournal } from './readRunJournal';
import { stepStateOf } from './runState';
import type { ResumeRequest } from './stepsToWake';
import type { WorkflowRun } from './WorkflowRun';
import { waitsForResume } from './waitsForResume';

/** What waking runs needs of the engine's insides. */
export interface WakeHost extends AdmissionHost {
  readonly store: WorkflowStore;
  /** The engine's clock, in ms since the epoch. */
  now(): number;
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
 * Of wakes racing for one run (a waker and a resume request, in this process or another),
 * exactly one continues it: the store moves it from `waiting` to `running` in one write
 * (`claimWaiting`), and the others are refused `CONFLICT`.
 *
 * @throws FlowloomError `NOT_FOUND` for an unknown instance or step, `CONFLICT` when the run
 * does not wait (or the step does not wait for a resume), or another wake took it first,
 * `SHUTTING_DOWN`, `TOO_MANY_RUNS`.
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
    // A request for a step that waits for none is refused before anything changes.
    if (request && !(await waitsForResume(host.store, instance, request.step_id))) {
      throw notWaiting(request.step_id);
    }
    // Planned before the claim: a workflow this process can't run is never taken from the others.
    const plan = host.planFor(instance);
    const claimed = await host.store.claimWaiting(instanceId);
    if (!claimed) throw wokenElsewhere(instanceId, request);
    let run: WorkflowRun;
    try {
      // Read once the run is ours: whatever woke it before has stored all it did.
      const journal = await readRunJournal(host.store, instanceId);
      run = host.createRun(
        claimed,
        plan,
        journal.started?.input_data ?? {},
        journal.started?.variables ?? {},
        journal.lastSeq,
      );
      run.replay(journal.events);
    } catch (error) {
      // Given back, due now: a waker tries again.
      await host.store.markWaiting(instanceId, new Date(host.now()).toISOString());
      throw error;
    }
    if (request) {
      const step = stepStateOf(run.state, request.step_id);
      if (step?.status !== 'waiting' || !step.wait?.resume) {
        // Another wake ran the step between the check and the claim: give the run back.
        await host.store.markWaiting(instanceId, parkedWakeAt(run.state, host.now()));
        throw notWaiting(request.step_id);
      }
    }
    return admitRun(host, {
      instance: claimed,
      patch: () => ({}),
      makeRun: () => run,
      begin: (woken) => woken.wake(request),
      request: { run: 'wake' },
      // Journaled while it waits for a slot, so a stop or a restart keeps the request.
      onQueued: (queued) => {
        if (request) queued.wakeStep(request.step_id, { data: request.data });
      },
    });
  });
}

/**
 * After a sub-workflow ended (any final status): wakes the parent step waiting for it. A parent
 * still running here has the step woken in place (or as soon as it begins to wait). A parked
 * one is first made due now in the store (`advanceWake`), so whichever process's waker comes
 * first continues it even when waking it here fails, then woken here from its journal. Never
 * throws: what can't be done now is reported, and the parent's recheck time (`parkedWakeAt`)
 * is the last resort.
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
    if (!(await host.store.advanceWake(parentId, new Date(host.now()).toISOString()))) {
      // Not waiting (it runs, or another wake took it), or already due: nothing to wake here.
      const parent = await host.store.getInstance(parentId);
      if (parent?.status !== 'waiting') return;
    }
    await wakeRun(host, parentId);
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

/** Another wake or resume request (perhaps in another process) took the run first. */
function wokenElsewhere(instanceId: string, request: ResumeRequest | undefined): FlowloomError {
  return new FlowloomError(
    ErrorCode.CONFLICT,
    request
      ? `Step "${request.step_id}" could not be resumed: another request woke run "${instanceId}" first; try again`
      : `Instance "${instanceId}" was woken by another request first`,
  );
}

function notWaiting(stepId: string): FlowloomError {
  return new FlowloomError(ErrorCode.CONFLICT, `Step "${stepId}" is not waiting for a resume`);
}
