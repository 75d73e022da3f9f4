import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { alreadyRunning, interruptedConflict, retryRefusal, waitingConflict } from './engineErrors';
import type { StartedRun } from './engineOptions';
import { failUnstartedRun } from './failUnstartedRun';
import type { PlanCache } from './PlanCache';
import { readRunJournal } from './readRunJournal';
import { checkRunScope, type RunScopeOptions } from './runScope';
import type { WorkflowRun } from './WorkflowRun';

/** A run begun in a claim: the instance as it now stands, the run, its end. */
export type BegunRun = StartedRun & { run?: WorkflowRun };

/** What beginning runs needs of the engine. */
export interface RunStartHost {
  readonly store: WorkflowStore;
  readonly plans: PlanCache;
  planFor(instance: WorkflowInstance): ExecutionPlan;
  createRun(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    input: Record<string, unknown>,
    variables: Record<string, unknown>,
    lastSeq: number,
    scope?: RunScopeOptions,
  ): WorkflowRun;
  publish(event: ExecutionEvent): void;
}

/** A fresh run of a claimed instance (`startWorkflow`). */
export async function beginRun(
  host: RunStartHost,
  instance: WorkflowInstance,
  input_data: Record<string, unknown>,
  variables: Record<string, unknown>,
  requested: RunScopeOptions,
): Promise<BegunRun> {
  const instanceId = instance.instance_id;
  if (instance.status === 'running') throw alreadyRunning(instanceId);
  if (instance.status === 'interrupted') throw interruptedConflict(instanceId);
  if (instance.status === 'waiting') throw waitingConflict(instanceId);
  const plan = host.planFor(instance);
  checkRunScope(plan, requested);
  const scope = scopeOf(instance, plan, requested);
  const lastSeq = await host.store.lastEventSeq(instanceId);
  const started = await host.store.updateInstance(instanceId, {
    status: 'running',
    input_data,
    started_at: new Date().toISOString(),
    finished_at: null,
    error: null,
  });
  try {
    const run = host.createRun(started, plan, input_data, { ...variables }, lastSeq, scope);
    return { instance: started, run, done: run.start() };
  } catch (thrown) {
    // Accepted, but it could not begin: it must end failed, never stay `running`.
    const done = failUnstartedRun(host.store, host.publish, {
      instance: started,
      plan,
      lastSeq,
      thrown,
    });
    return { instance: started, done };
  }
}

/** A run a process left unfinished, continued from its journal (`resumeWorkflow`). */
export async function beginResume(
  host: RunStartHost,
  instance: WorkflowInstance,
): Promise<BegunRun> {
  const instanceId = instance.instance_id;
  if (instance.status !== 'running' && instance.status !== 'interrupted') {
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" has no interrupted run (status: ${instance.status})`,
    );
  }
  const journal = await readRunJournal(host.store, instanceId);
  const plan = host.planFor(instance);
  if (journal.ended) {
    const run = host.createRun(instance, plan, {}, {}, journal.lastSeq);
    return { instance, run, done: run.settleFrom(journal.events) };
  }
  const current =
    instance.status === 'running'
      ? instance
      : await host.store.updateInstance(instanceId, { status: 'running' });
  const { started } = journal;
  const run = host.createRun(
    current,
    plan,
    started?.input_data ?? instance.input_data ?? {},
    started?.variables ?? {},
    journal.lastSeq,
    scopeOf(instance, plan, journaledScope(started)),
  );
  return { instance: current, run, done: started ? run.resume(journal.events) : run.start() };
}

/** A failed or cancelled run, run again from where it stopped (`retryWorkflow`). */
export async function beginRetry(
  host: RunStartHost,
  instance: WorkflowInstance,
): Promise<BegunRun> {
  const instanceId = instance.instance_id;
  if (instance.status !== 'failed' && instance.status !== 'cancelled') {
    throw new FlowloomError(ErrorCode.CONFLICT, retryRefusal(instanceId, instance.status));
  }
  const journal = await readRunJournal(host.store, instanceId);
  if (!journal.started) {
    throw new FlowloomError(ErrorCode.CONFLICT, retryRefusal(instanceId, 'pending'));
  }
  const plan = host.planFor(instance);
  const current = await host.store.updateInstance(instanceId, {
    status: 'running',
    finished_at: null,
    error: null,
  });
  const run = host.createRun(
    current,
    plan,
    journal.started.input_data,
    journal.started.variables,
    journal.lastSeq,
    scopeOf(instance, plan, journaledScope(journal.started)),
  );
  return { instance: current, run, done: run.retry(journal.events) };
}

/** The scope a run recorded when it started, to keep on resume and retry. */
export function journaledScope(
  started: { until?: string; start_at?: string } | undefined,
): RunScopeOptions {
  return { until: started?.until, startAt: started?.start_at };
}

/**
 * A run's scope: what the caller asked for, and by default the entry step a trigger started the
 * instance at (so every run of a triggered instance follows that trigger only).
 */
export function scopeOf(
  instance: WorkflowInstance,
  plan: ExecutionPlan,
  requested: RunScopeOptions,
): RunScopeOptions | undefined {
  let { until, startAt } = requested;
  if (startAt === undefined) {
    const triggerStep = instance.trigger?.step_id;
    const index = triggerStep === undefined ? undefined : plan.indexById.get(triggerStep);
    if (index !== undefined && plan.steps[index]!.isEntry) startAt = triggerStep;
  }
  if (until !== undefined && !plan.indexById.has(until)) until = undefined;
  if (until === undefined && startAt === undefined) return undefined;
  return { until, startAt };
}
