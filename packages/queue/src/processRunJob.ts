import {
  ErrorCode,
  type ExecutionEngine,
  type InstanceStatus,
  readStoredStatus,
  type StartedRun,
  toFlowloomError,
  type WorkflowStore,
} from '@flowloom/core';
import type { Redis } from 'ioredis';
import type { QueueCommand } from './queueCommands';
import type { QueueKeys } from './queueKeys';
import type { RunJob } from './runJobs';

/** What a worker's job processing needs. */
export interface RunJobHost {
  engine: ExecutionEngine;
  store: WorkflowStore;
  /** For stop flags and commands. */
  redis: Redis;
  keys: QueueKeys;
  /** How long to wait before looking again at a run another process holds. */
  recheckMs: number;
  report(message: string): void;
}

/** What became of a job: done, or to be looked at again after `retryInMs`. */
export interface RunJobOutcome {
  retryInMs?: number;
}

const DONE: RunJobOutcome = {};

/** Statuses of a run some process executes, or should (a dead worker's). */
const UNDER_WAY = new Set<InstanceStatus>(['running', 'queued', 'interrupted']);

/**
 * Carries out one job on this worker's engine and, when it began a run, waits for that run to
 * end or park, so the job stays active (and its lock renewed) as long as the run executes here:
 * should this worker die, BullMQ hands the job to another worker, which takes the run over from
 * its journal once its lease has expired.
 *
 * Every request is read against the store as it is now, not as it was when it was accepted:
 * a journal past the job's `after_seq` means the request was carried out already (the job runs
 * again after its worker died), and then only an unfinished run is taken over.
 */
export async function processRunJob(host: RunJobHost, job: RunJob): Promise<RunJobOutcome> {
  const { engine, store } = host;
  const id = job.instance_id;
  if (job.kind === 'stop') return stopHere(host, job.instance_id, job.reason);
  if (engine.isRunning(id)) {
    if (job.kind === 'resume_wait') return resumeLive(host, job);
    // This worker runs it already (its own job, handed back after a stall): nothing to do.
    return DONE;
  }
  const instance = await store.getInstance(id);
  if (!instance) return DONE;
  const seq = await store.lastEventSeq(id);
  let begin: (() => Promise<StartedRun>) | undefined;
  if (UNDER_WAY.has(instance.status)) {
    if (job.kind === 'resume_wait') return forwardResume(host, job);
    begin = () => engine.resumeWorkflow(id);
  } else if (instance.status === 'waiting') {
    if (job.kind === 'resume_wait') {
      if (!(await stepWaitsForResume(store, id, job.step_id))) return DONE;
      begin = () => engine.resumeWait(id, job.step_id, job.data);
    } else if (job.kind === 'wake' && seq === job.after_seq) {
      begin = () => engine.wakeWorkflow(id);
    }
  } else if (seq === job.after_seq) {
    if (job.kind === 'execute') {
      begin = () =>
        engine.startWorkflow(id, job.input_data, {
          variables: job.variables,
          until: job.until,
          startAt: job.start_at,
        });
    } else if (job.kind === 'retry') begin = () => engine.retryWorkflow(id);
  }
  if (!begin) return DONE;
  let started: StartedRun;
  try {
    started = await begin();
  } catch (thrown) {
    return refused(host, id, thrown);
  }
  await applyRequestedStop(host, id);
  await started.done;
  return DONE;
}

/** A request the engine refused: look again later, or drop it. */
async function refused(host: RunJobHost, id: string, thrown: unknown): Promise<RunJobOutcome> {
  const error = toFlowloomError(thrown);
  // Full, or shutting down (the job goes to another worker when it is looked at again).
  if (error.code === ErrorCode.TOO_MANY_RUNS || error.code === ErrorCode.SHUTTING_DOWN) {
    return { retryInMs: host.recheckMs };
  }
  if (error.code === ErrorCode.CONFLICT) {
    // Another live process holds its lease (a worker taken for dead that is not, or one whose
    // lease has not expired yet): look again once it may have.
    const now = await host.store.getInstance(id);
    return now && UNDER_WAY.has(now.status) ? { retryInMs: host.recheckMs } : DONE;
  }
  if (error.code === ErrorCode.NOT_FOUND) return DONE;
  throw thrown;
}

/** A stop may have been asked before this run began here: it applies now. */
async function applyRequestedStop(host: RunJobHost, id: string): Promise<void> {
  const reason = await host.redis.get(host.keys.stopFlag(id));
  if (reason === null) return;
  await host.engine.stopWorkflow(id, reason).catch((error: unknown) => {
    host.report(`[flowloom] Could not stop run ${id}: ${toFlowloomError(error).message}`);
  });
}

/**
 * A `stop` job: a run executing here is cancelled; one no process holds (waiting, interrupted,
 * or left running by a dead worker, its lease expired) is cancelled from its journal. One that
 * another live worker executes is that worker's to stop: the command goes out again.
 */
async function stopHere(host: RunJobHost, id: string, reason: string): Promise<RunJobOutcome> {
  const { engine, store } = host;
  try {
    if (engine.isRunning(id)) {
      await engine.stopWorkflow(id, reason);
      return DONE;
    }
    const instance = await store.getInstance(id);
    if (!instance || instance.status === 'pending') return DONE;
    if (instance.status === 'completed' || instance.status === 'failed') return DONE;
    if (instance.status === 'cancelled') return DONE;
    // With the lease taken (the engine takes it), only a run nobody executes is cancelled.
    await engine.stopWorkflow(id, reason, { cancelOrphaned: true });
    return DONE;
  } catch (thrown) {
    const error = toFlowloomError(thrown);
    if (error.code !== ErrorCode.CONFLICT) throw thrown;
    const command: QueueCommand = { type: 'stop', instance_id: id, reason };
    await host.redis.publish(host.keys.commands, JSON.stringify(command));
    return DONE;
  }
}

/** A resume request for a run executing here: its step wakes in place. */
async function resumeLive(
  host: RunJobHost,
  job: Extract<RunJob, { kind: 'resume_wait' }>,
): Promise<RunJobOutcome> {
  try {
    await host.engine.resumeWait(job.instance_id, job.step_id, job.data);
  } catch (thrown) {
    // Woken already (by the command, which reached this worker first).
    if (toFlowloomError(thrown).code !== ErrorCode.CONFLICT) throw thrown;
  }
  return DONE;
}

/** A resume request for a run another worker executes: sent on to it, checked again shortly. */
async function forwardResume(
  host: RunJobHost,
  job: Extract<RunJob, { kind: 'resume_wait' }>,
): Promise<RunJobOutcome> {
  if (!(await stepWaitsForResume(host.store, job.instance_id, job.step_id))) return DONE;
  const command: QueueCommand = {
    type: 'resume_wait',
    instance_id: job.instance_id,
    step_id: job.step_id,
    data: job.data,
  };
  await host.redis.publish(host.keys.commands, JSON.stringify(command));
  return { retryInMs: host.recheckMs };
}

async function stepWaitsForResume(
  store: WorkflowStore,
  instanceId: string,
  stepId: string,
): Promise<boolean> {
  const step = (await readStoredStatus(store, instanceId)).steps[stepId];
  return step?.status === 'waiting' && step.wait?.resume === true;
}
