import { concurrencyKeysOf, type RunConcurrencyGate } from '../concurrency/runConcurrencyGate';
import { ErrorCode } from '../errors/errorCodes';
import { toFlowloomError } from '../errors/FlowloomError';
import type { ExecutionEventMap } from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import type { ErrorInfo } from '../schema/status';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { InstancePatch, WorkflowStore } from '../store/WorkflowStore';
import type { BegunRun } from './beginRuns';
import { recordRunEnd } from './recordRunEnd';
import type { WorkflowRun } from './WorkflowRun';

/** What admitting runs needs of the engine. */
export interface AdmissionHost {
  readonly store: WorkflowStore;
  /** Decides when runs may execute; without one every run begins at once. */
  readonly gate?: RunConcurrencyGate;
}

/** A claimed run about to execute: a start, a retry, a resume or a wake-up. */
export interface RunEntry {
  /** The claimed instance, as loaded. */
  instance: WorkflowInstance;
  /** Makes the run (not begun) for the record as it now stands. */
  makeRun: (current: WorkflowInstance) => WorkflowRun;
  /**
   * Ends a run that could not be made (`makeRun` threw) failed, so an accepted run never stays
   * `running` or `queued`; without it the error is thrown.
   */
  unstarted?: (current: WorkflowInstance, thrown: unknown) => Promise<ExecutionStatus>;
  /**
   * What the instance record gets as the run begins, `status: 'running'` added; `undefined`
   * leaves a record that says `running` already alone.
   */
  patch: () => InstancePatch | undefined;
  /** Begins the run; returns its `done`. */
  begin: (run: WorkflowRun) => Promise<ExecutionStatus>;
  /** What `execution_queued` records, should the run have to wait for a slot. */
  request: ExecutionEventMap['execution_queued'];
  /**
   * Called before a run that must wait is queued: one that continues a journal replays it here,
   * so a stop while it waits ends its in-flight steps (its begin then replays nothing again).
   */
  replay?: (run: WorkflowRun) => void;
  /** Called once the run is queued: a resume request journals its wake-up here. */
  onQueued?: (run: WorkflowRun) => void;
}

/**
 * Begins a claimed run once the concurrency gate lets it: at once when a slot is free, or,
 * when it must wait, journals `execution_queued`, marks the instance `queued` and resolves at
 * once (the caller answers "202 Accepted" with status `queued`); the run begins when its slot
 * comes. The slot is given back when the run's `done` settles: it ended, began to wait, was
 * interrupted or left this process.
 */
export async function admitRun(host: AdmissionHost, entry: RunEntry): Promise<BegunRun> {
  const { gate, store } = host;
  const { instance } = entry;
  const id = instance.instance_id;
  const keys = gate && concurrencyKeysOf(instance);
  if (!gate || !keys) return beginNow(store, entry);
  if (!(await gate.wouldWait(keys, id))) {
    // A slot taken by another run in between makes this wait, still `pending`: rare and short.
    const release = await gate.acquire(keys, id);
    try {
      const begun = await beginNow(store, entry);
      // `done` never rejects: a slot that can't be given back expires by itself.
      return { ...begun, done: begun.done.finally(() => release().catch(() => {})) };
    } catch (thrown) {
      await release();
      throw thrown;
    }
  }
  const { started_at: _notYet, ...patch } = entry.patch() ?? {};
  const queued = await store.updateInstance(id, { ...patch, status: 'queued' });
  let run: WorkflowRun;
  try {
    run = entry.makeRun(queued);
  } catch (thrown) {
    if (!entry.unstarted) throw thrown;
    return { instance: queued, done: entry.unstarted(queued, thrown) };
  }
  entry.replay?.(run);
  run.enqueue(entry.request);
  entry.onQueued?.(run);
  const done = (async (): Promise<ExecutionStatus> => {
    let release: (() => Promise<void>) | undefined;
    try {
      // The run's signal aborts when it ends while it waits: a stop, a shutdown, a lost lease.
      release = await gate.acquire(keys, id, run.signal);
    } catch (thrown) {
      if (!run.isEnded) return run.failQueued(gateBroke(thrown));
      return run.done;
    }
    try {
      if (run.isEnded) return await run.done;
      await store.updateInstance(id, { ...entry.patch(), status: 'running' });
      if (!run.isEnded) return await entry.begin(run);
      // Stopped during that write: the record must end as the run did, not `running`.
      const status = await run.done;
      await recordRunEnd(store, id, run.state, status.progress.total);
      return status;
    } catch (thrown) {
      if (!run.isEnded) return run.failQueued(couldNotStart(thrown));
      return run.done;
    } finally {
      await release().catch(() => {});
    }
  })();
  return { instance: queued, run, done };
}

/** Brings the record to `running` and begins the run: what every run did before the gate. */
async function beginNow(store: WorkflowStore, entry: RunEntry): Promise<BegunRun> {
  const patch = entry.patch();
  const current = patch
    ? await store.updateInstance(entry.instance.instance_id, { ...patch, status: 'running' })
    : entry.instance;
  let run: WorkflowRun | undefined;
  try {
    run = entry.makeRun(current);
    return { instance: current, run, done: entry.begin(run) };
  } catch (thrown) {
    if (!entry.unstarted) throw thrown;
    return { instance: current, run, done: entry.unstarted(current, thrown) };
  }
}

function gateBroke(thrown: unknown): ErrorInfo {
  return {
    code: ErrorCode.INTERNAL_ERROR,
    message: `The run could not get a concurrency slot: ${toFlowloomError(thrown).message}`,
  };
}

function couldNotStart(thrown: unknown): ErrorInfo {
  return {
    code: ErrorCode.INTERNAL_ERROR,
    message: `The run could not start: ${toFlowloomError(thrown).message}`,
  };
}
