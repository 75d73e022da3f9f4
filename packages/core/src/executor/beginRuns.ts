import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionEvent, ExecutionEventMap } from '../schema/executionEvent';
import type { WorkflowInstance } from '../schema/workflowInstance';
import { type AdmissionHost, admitRun, type RunEntry } from './admitRun';
import {
  alreadyQueued,
  alreadyRunning,
  interruptedConflict,
  retryRefusal,
  waitingConflict,
} from './engineErrors';
import type { StartedRun } from './engineOptions';
import { failUnstartedRun } from './failUnstartedRun';
import type { PlanCache } from './PlanCache';
import { readRunJournal } from './readRunJournal';
import { checkRunScope, type RunScopeOptions } from './runScope';
import type { WorkflowRun } from './WorkflowRun';

/** A run begun in a claim: the instance as it now stands, the run, its end. */
export type BegunRun = StartedRun & { run?: WorkflowRun };

/** What beginning runs needs of the engine. */
export interface RunStartHost extends AdmissionHost {
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
  if (instance.status === 'queued') throw alreadyQueued(instanceId);
  if (instance.status === 'interrupted') throw interruptedConflict(instanceId);
  if (instance.status === 'waiting') throw waitingConflict(instanceId);
  const plan = host.planFor(instance);
  checkRunScope(plan, requested);
  const scope = scopeOf(instance, plan, requested);
  const lastSeq = await host.store.lastEventSeq(instanceId);
  return admitRun(host, {
    instance,
    ...freshStart(host, plan, lastSeq, input_data, { ...variables }, scope),
    request: startRequest(variables, requested),
  });
}

/** How a fresh run is made and begun, and how one that can't be made ends. */
function freshStart(
  host: RunStartHost,
  plan: ExecutionPlan,
  lastSeq: number,
  input_data: Record<string, unknown>,
  variables: Record<string, unknown>,
  scope: RunScopeOptions | undefined,
): Pick<RunEntry, 'patch' | 'makeRun' | 'begin' | 'unstarted'> {
  return {
    patch: () => ({
      input_data,
      started_at: new Date().toISOString(),
      finished_at: null,
      error: null,
    }),
    makeRun: (current) => host.createRun(current, plan, input_data, variables, lastSeq, scope),
    begin: (run) => run.start(),
    // Accepted, but it could not begin: it must end failed, never stay `running`.
    unstarted: (current, thrown) =>
      failUnstartedRun(host.store, host.publish, { instance: current, plan, lastSeq, thrown }),
  };
}

/** What a queued start records, so that it begins as asked should it be resumed instead. */
function startRequest(
  variables: Record<string, unknown>,
  { until, startAt }: RunScopeOptions,
): ExecutionEventMap['execution_queued'] {
  return {
    run: 'start',
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(until === undefined ? {} : { until }),
    ...(startAt === undefined ? {} : { start_at: startAt }),
  };
}

/**
 * A run a process left unfinished, continued from its journal (`resumeWorkflow`); a run that
 * was queued and never began (its process stopped while it waited) begins what it was queued
 * for instead.
 */
export async function beginResume(
  host: RunStartHost,
  instance: WorkflowInstance,
): Promise<BegunRun> {
  const instanceId = instance.instance_id;
  const { status } = instance;
  if (status !== 'running' && status !== 'interrupted' && status !== 'queued') {
    throw new FlowloomError(
      ErrorCode.CONFLICT,
      `Instance "${instanceId}" has no interrupted run (status: ${status})`,
    );
  }
  const journal = await readRunJournal(host.store, instanceId);
  const plan = host.planFor(instance);
  const { queued } = journal;
  if (journal.ended && !queued) {
    const run = host.createRun(instance, plan, {}, {}, journal.lastSeq);
    return { instance, run, done: run.settleFrom(journal.events) };
  }
  if (queued?.run === 'start') {
    const requested = { until: queued.until, startAt: queued.start_at };
    const scope = scopeOf(instance, plan, requested);
    const input = instance.input_data ?? {};
    const variables = { ...queued.variables };
    return admitRun(host, {
      instance,
      ...freshStart(host, plan, journal.lastSeq, input, variables, scope),
      request: queued,
    });
  }
  // Replayed once: when it waits for a slot, before it waits (see `admitRun`).
  let events: readonly ExecutionEvent[] = journal.events;
  const { started } = journal;
  return admitRun(host, {
    instance,
    patch: () => (status === 'running' ? undefined : {}),
    makeRun: (current) =>
      host.createRun(
        current,
        plan,
        started?.input_data ?? instance.input_data ?? {},
        started?.variables ?? {},
        journal.lastSeq,
        scopeOf(instance, plan, journaledScope(started)),
      ),
    begin: (run) => {
      if (queued?.run === 'retry') return run.retry(events);
      return started ? run.resume(events) : run.start();
    },
    request: queued ?? { run: 'resume' },
    replay: (run) => {
      run.replay(events);
      events = [];
    },
  });
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
  const { started } = journal;
  if (!started) {
    throw new FlowloomError(ErrorCode.CONFLICT, retryRefusal(instanceId, 'pending'));
  }
  const plan = host.planFor(instance);
  let events: readonly ExecutionEvent[] = journal.events;
  return admitRun(host, {
    instance,
    patch: () => ({ finished_at: null, error: null }),
    makeRun: (current) =>
      host.createRun(
        current,
        plan,
        started.input_data,
        started.variables,
        journal.lastSeq,
        scopeOf(instance, plan, journaledScope(started)),
      ),
    begin: (run) => run.retry(events),
    request: { run: 'retry' },
    replay: (run) => {
      run.replay(events);
      events = [];
    },
  });
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
